// Invented combinations of common Czech names: no fixture describes a real person.
export const SURNAMES = [
  ['Novák', 'Nováková'],
  ['Svoboda', 'Svobodová'],
  ['Dvořák', 'Dvořáková'],
  ['Černý', 'Černá'],
  ['Procházka', 'Procházková'],
  ['Kučera', 'Kučerová'],
  ['Veselý', 'Veselá'],
  ['Horák', 'Horáková'],
  ['Němec', 'Němcová'],
  ['Pokorný', 'Pokorná'],
  ['Pospíšil', 'Pospíšilová'],
  ['Hájek', 'Hájková'],
  ['Jelínek', 'Jelínková'],
  ['Růžička', 'Růžičková'],
  ['Beneš', 'Benešová'],
  ['Fiala', 'Fialová'],
  ['Sedláček', 'Sedláčková'],
  ['Doležal', 'Doležalová'],
  ['Zeman', 'Zemanová'],
  ['Kolář', 'Kolářová'],
  ['Navrátil', 'Navrátilová'],
  ['Čermák', 'Čermáková'],
  ['Vaněk', 'Vaňková'],
  ['Blažek', 'Blažková'],
  ['Kříž', 'Křížová'],
  ['Kovář', 'Kovářová'],
  ['Bartoš', 'Bartošová'],
  ['Šťastný', 'Šťastná'],
  ['Žák', 'Žáková'],
  ['Lakatoš', 'Lakatošová'],
] as const;

export const MALE_NAMES = ['Jan', 'Petr', 'Josef', 'Pavel', 'Martin', 'Tomáš', 'Jiří', 'Lukáš', 'Radek', 'Milan', 'Zdeněk', 'Ondřej'];
export const FEMALE_NAMES = ['Jana', 'Marie', 'Eva', 'Hana', 'Lenka', 'Kateřina', 'Lucie', 'Petra', 'Věra', 'Monika', 'Zuzana', 'Tereza'];
export const STREETS = ['Hornická', 'Přednádraží', 'Bedřiška', 'Zárubecká', 'Cihelní', 'Palackého', 'Vítkovická', 'Havlíčkovo nábřeží', 'Jeremenkova', 'Kirilovova', 'Provaznická', 'Božkova'];
export const HOSTELS = ['Ubytovna Jeremenkova', 'Ubytovna Provaznická', 'Ubytovna Kutuzovova'];
export const LOCALITIES = ['Přednádraží', 'Bedřiška', 'Hrušov', 'Zárubek', 'Liščina'];
