import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/** What a phone app dials: digits and a leading plus, without the spaces people write. */
const dialled = (phone: string) => phone.replace(/[^\d+]/g, '');

/** A household's address as a map search takes it: the street within its district. */
export const addressOf = (street: string, districtName: string) => `${street}, ${districtName}`;

/** Mapy.cz, the map Czech workers use; the search finds the street within the district. */
export const mapUrl = (address: string) =>
  `https://mapy.cz/zakladni?q=${encodeURIComponent(address)}`;

type LinkProps = {
  /** Only the icon, its words for screen readers (a list row). */
  compact?: boolean;
};

/** A number to call with one tap (nothing when there is none). */
export const PhoneLink = ({
  phone,
  name,
  compact,
}: LinkProps & { phone: string; name: string }) => {
  const { t } = useTranslation();
  if (!phone.trim()) return null;
  return (
    <a
      className={compact ? 'contact-link contact-link--icon' : 'contact-link'}
      href={`tel:${dialled(phone)}`}
      aria-label={t('contactLinks.callPerson', { name, phone })}
    >
      <Icon name="phone" size={18} />
      {!compact && ` ${phone}`}
    </a>
  );
};

/** The address, opened on a map outside the app (a map needs a connection). */
export const MapLink = ({ address, compact }: LinkProps & { address: string }) => {
  const { t } = useTranslation();
  return (
    <a
      className={compact ? 'contact-link contact-link--icon' : 'contact-link'}
      href={mapUrl(address)}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={t('contactLinks.map', { address })}
    >
      <Icon name="pin" size={18} />
      {!compact && ` ${address}`}
    </a>
  );
};
