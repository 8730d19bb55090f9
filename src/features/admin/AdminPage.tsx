import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewTeamForm, NewUserForm, type Notify } from './AccountForms';
import { DevicesCard } from './DevicesCard';
import { RulesEditor } from './RulesEditor';
import { useAdminData, type AdminData } from './use-admin-data';
import { UserRow } from './UserRow';
import { failureText } from '../../widgets/use-server-data';

type Cards = { data: AdminData; reload: () => void; notify: Notify };

const UsersCard = ({ data, reload, notify }: Cards) => {
  const { t } = useTranslation();
  const teamName = (id: string | null) =>
    data.teams.find((team) => team.id === id)?.name ?? t('admin.noTeam');
  return (
    <section className="card">
      <h2>{t('admin.users')}</h2>
      <ul className="plain-list">
        {data.users.map((u) => (
          <UserRow
            key={u.id}
            user={u}
            teamName={teamName(u.teamId)}
            onDone={reload}
            notify={notify}
          />
        ))}
      </ul>
    </section>
  );
};

const TeamsCard = ({ data, reload, notify }: Cards) => {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{t('admin.teams')}</h2>
      <ul className="plain-list">
        {data.teams.map((team) => (
          <li key={team.id}>
            <strong>{team.name}</strong>{' '}
            <span className="muted">{t('admin.members', { count: team.members })}</span>
          </li>
        ))}
      </ul>
      <NewTeamForm onDone={reload} notify={notify} />
    </section>
  );
};

/** Users, teams and devices (revoke = remote wipe). Admins only; needs a connection. */
export const AdminPage = () => {
  const { t } = useTranslation();
  const { data, failure, reload } = useAdminData();
  const [message, setMessage] = useState<string | null>(null);
  if (failure)
    return <p className="page empty">{failureText(t, failure, 'admin.needsConnection')}</p>;
  if (!data) return <p className="page muted">{t('common.loading')}</p>;
  const cards = { data, reload, notify: setMessage };
  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('admin.title')}</h1>
      </header>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <UsersCard {...cards} />
      <NewUserForm teams={data.teams} onDone={reload} notify={setMessage} />
      <TeamsCard {...cards} />
      <RulesEditor rules={data.rules} onSaved={reload} />
      <DevicesCard devices={data.devices} onDone={reload} notify={setMessage} />
    </section>
  );
};
