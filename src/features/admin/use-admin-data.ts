import { ContactRule, type AdminDevice, type AdminTeam, type AdminUser } from '../../core';
import type { ApiClient } from '../../sync/api-client';
import { useServerData } from '../../widgets/use-server-data';

export type AdminData = {
  users: AdminUser[];
  teams: AdminTeam[];
  devices: AdminDevice[];
  rules: ContactRule[];
};

const readAdminData = async (api: ApiClient, token: string): Promise<AdminData> => {
  const [users, teams, devices, rules] = await Promise.all([
    api.admin.users(token),
    api.admin.teams(token),
    api.admin.devices(token),
    api.rules(token),
  ]);
  return { users, teams, devices, rules: rules.map((r) => ContactRule.parse(r)) };
};

/** Admin screens work on the server's data directly (online only); nothing is cached. */
export const useAdminData = () => useServerData(readAdminData);
