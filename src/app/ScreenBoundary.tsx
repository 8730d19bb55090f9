import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const CouldNotLoad = () => {
  const { t } = useTranslation();
  return (
    <div className="page card" role="alert">
      <p>{t('common.screenFailed')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('common.tryAgain')}
      </button>
    </div>
  );
};

/**
 * A screen whose code could not be loaded (offline before it was ever cached, or a file a
 * deploy removed: src/ui/lazy-screen.ts reloads once for that) says so, instead of leaving the
 * whole app blank.
 */
class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <CouldNotLoad /> : this.props.children;
  }
}

/** A lazily loaded screen's frame: what shows while it loads, and if it cannot. */
export const ScreenBoundary = ({
  children,
  fallback,
}: {
  children: ReactNode;
  fallback: ReactNode;
}) => (
  <Boundary>
    <Suspense fallback={fallback}>{children}</Suspense>
  </Boundary>
);
