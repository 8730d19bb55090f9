import { createContext, useContext } from 'react';
import type { StoredSession } from '../data/session';
import type { ApiClient } from '../sync/api-client';

/** What every screen may use, provided once by the app shell. */
export type Services = {
  api: ApiClient;
  session: StoredSession;
  syncNow: () => Promise<void>;
  signOut: () => Promise<void>;
};

export const ServicesContext = createContext<Services | null>(null);

export const useServices = (): Services => {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
};
