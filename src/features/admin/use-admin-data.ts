import { useCallback, useEffect, useState } from 'react';
import { ContactRule, type AdminDevice, type AdminTeam, type AdminUser } from '../../core';
import { isOffline } from '../../sync/api-client';
import { useServices } from '../services';

export type AdminData = {
  users: AdminUser[];
  teams: AdminTeam[];
  devices: AdminDevice[];
  rules: ContactRule[];
};

/** Admin screens work on the server's data directly (online only); nothing is cached. */
export const useAdminData = () => {
  const { api, session } = useServices();
  const [data, setData] = useState<AdminData | null>(null);
  const [error, setError] = useState<'offline' | 'failed' | null>(null);
  const reload = useCallback(async () => {
    try {
      const [users, teams, devices, rules] = await Promise.all([
        api.admin.users(session.token),
        api.admin.teams(session.token),
        api.admin.devices(session.token),
        api.rules(session.token),
      ]);
      setData({ users, teams, devices, rules: rules.map((r) => ContactRule.parse(r)) });
      setError(null);
    } catch (e) {
      setError(isOffline(e) ? 'offline' : 'failed');
    }
  }, [api, session.token]);
  useEffect(() => {
    // Loading from the server is the external system this effect synchronises with.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);
  return { data, error, reload };
};
