import { useTranslation } from 'react-i18next';
import type { AdminDevice } from '../../core';
import { useFormat } from '../../ui/format';
import { useServices } from '../../widgets/services';
import type { Notify } from './AccountForms';

const DeviceRow = ({ device, revoke }: { device: AdminDevice; revoke: () => void }) => {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  return (
    <li className="admin-row" data-testid="admin-device">
      <div>
        <strong>{device.userName}</strong>{' '}
        <span className="muted small">{device.name.slice(0, 60)}</span>
        <div className="muted small">
          {t('admin.lastSeen', { date: dateTime(device.lastSeenAt) })}
          {device.revoked ? ` · ${t('admin.revoked')}` : ''}
        </div>
      </div>
      {!device.revoked && (
        <button type="button" className="button button--small button--danger" onClick={revoke}>
          {t('admin.revoke')}
        </button>
      )}
    </li>
  );
};

/** Every device that signed in; revoking one wipes it at its next contact. */
export const DevicesCard = (props: {
  devices: readonly AdminDevice[];
  onDone: () => void;
  notify: Notify;
}) => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const revoke = async (device: AdminDevice) => {
    const name = device.name || device.id.slice(0, 8);
    if (!window.confirm(t('admin.revokeConfirm', { name, user: device.userName }))) return;
    try {
      await api.admin.revokeDevice(session.token, device.id);
      props.notify(t('admin.done'));
      props.onDone();
    } catch {
      props.notify(t('admin.failed'));
    }
  };
  return (
    <section className="card">
      <h2>{t('admin.devices')}</h2>
      <ul className="plain-list" data-testid="admin-devices">
        {props.devices.map((d) => (
          <DeviceRow key={d.id} device={d} revoke={() => void revoke(d)} />
        ))}
      </ul>
    </section>
  );
};
