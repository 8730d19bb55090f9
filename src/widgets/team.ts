import { useTranslation } from 'react-i18next';
import { useServices } from './services';

/**
 * A colleague's name from the signed-in user's team (the user's own too), or `unknown`
 * (by default "neznámý pracovník") for someone no longer in it.
 */
export const useMemberName = () => {
  const { t } = useTranslation();
  const { session } = useServices();
  return (id: string | null | undefined, unknown: string = t('team.unknownWorker')): string =>
    (id && session.team.find((m) => m.id === id)?.name) ||
    (id && id === session.user.id ? session.user.name : unknown);
};
