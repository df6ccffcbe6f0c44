/**
 * PlanAssure task pane. The home view is in the first-load bundle; the findings list, the column-mapping review and
 * the settings are loaded when first opened (React.lazy), and the engine and the Office.js host are loaded just after
 * the first paint (controller.ts).
 *
 * Renders straight away, with or without Office: outside Excel it says so and offers nothing to click.
 */
import { lazy, Suspense, useState } from 'react';
import {
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title2,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { WorkbookHost } from './host';
import { PaneController, usePlanAssure } from './controller';
import { HomeView } from './components/HomeView';
import { Progress } from './components/Progress';
import { BannerView } from './components/BannerView';
import { HelpLink } from './components/HelpLink';
import { PaneTheme, useOfficeTheme } from './theme';

export { paneThemeFrom } from './theme';
export type { PaneTheme } from './theme';

const FindingsList = lazy(() => import(/* webpackChunkName: "findings" */ './components/FindingsList'));
const MappingReview = lazy(() => import(/* webpackChunkName: "mapping" */ './components/MappingReview'));
const SettingsView = lazy(() => import(/* webpackChunkName: "settings" */ './components/SettingsView'));
const ReplaceConfirm = lazy(() => import(/* webpackChunkName: "confirm" */ './components/ReplaceConfirm'));
const RestorePrevious = lazy(() => import(/* webpackChunkName: "confirm" */ './components/RestorePrevious'));

type View = 'home' | 'findings' | 'settings';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'flex-start' },
  heading: { margin: 0 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function Loading({ what }: { what: string }) {
  return <Spinner size="small" label={`Loading ${what}…`} />;
}

function Pane({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const [view, setView] = useState<View>('home');
  const { model } = controller;
  const findingsCount = model.findings.length;

  return (
    <div className={styles.root} data-phase={model.phase} data-busy={String(!!model.running || model.loading)}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.heading}>
          PlanAssure
        </Title2>
        <Caption1>{model.state?.title ?? 'Check, structure and RAG-rate your improvement plan, and build the board pack.'}</Caption1>
        <HelpLink />
      </header>

      <main className={styles.panel}>
        {model.phase === 'no-excel' ? (
          <MessageBar intent="info">
            <MessageBarBody>
              <MessageBarTitle>Open PlanAssure from Excel</MessageBarTitle>
              This page is PlanAssure&apos;s task pane: it works inside Excel. In Excel, choose Home &gt; Open PlanAssure.
            </MessageBarBody>
          </MessageBar>
        ) : (
          <>
            {model.progress || model.running ? <Progress controller={controller} /> : null}
            {model.banner ? <BannerView banner={model.banner} /> : null}
            {model.confirm ? (
              <Suspense fallback={<Loading what="what will be replaced" />}>
                <ReplaceConfirm pending={model.confirm} onAnswer={controller.answerConfirm} />
              </Suspense>
            ) : model.review ? (
              <Suspense fallback={<Loading what="the column review" />}>
                <MappingReview review={model.review} onAnswer={controller.answerReview} />
              </Suspense>
            ) : (
              <>
                <TabList selectedValue={view} onTabSelect={(_e, data) => setView(data.value as View)} aria-label="PlanAssure views" size="small">
                  <Tab value="home" id="tab-home" aria-controls="pane-panel">
                    Home
                  </Tab>
                  <Tab value="findings" id="tab-findings" aria-controls="pane-panel">
                    {`Findings${findingsCount ? ` (${findingsCount})` : ''}`}
                  </Tab>
                  <Tab value="settings" id="tab-settings" aria-controls="pane-panel">
                    Settings
                  </Tab>
                </TabList>
                <div className={styles.panel} role="tabpanel" id="pane-panel" aria-labelledby={`tab-${view}`}>
                  {view === 'home' ? <HomeView controller={controller} onShowFindings={() => setView('findings')} /> : null}
                  {view === 'home' && model.state?.previousVersion ? (
                    <Suspense fallback={null}>
                      <RestorePrevious controller={controller} />
                    </Suspense>
                  ) : null}
                  {view === 'findings' ? (
                    <Suspense fallback={<Loading what="the findings" />}>
                      <FindingsList controller={controller} />
                    </Suspense>
                  ) : null}
                  {view === 'settings' ? (
                    <Suspense fallback={<Loading what="the settings" />}>
                      <SettingsView controller={controller} />
                    </Suspense>
                  ) : null}
                </div>
              </>
            )}
          </>
        )}
      </main>
      {model.phase === 'no-excel' ? null : (
        <footer>
          <Caption1>Your own sheets are never changed: PlanAssure writes only its own.</Caption1>
        </footer>
      )}
    </div>
  );
}

export function App({ theme, host }: { theme?: PaneTheme; host?: WorkbookHost }) {
  const officeTheme = useOfficeTheme();
  const controller = usePlanAssure(host);
  const active = theme ?? officeTheme;
  return (
    <FluentProvider theme={active === 'dark' ? webDarkTheme : webLightTheme} data-theme={active}>
      <Pane controller={controller} />
    </FluentProvider>
  );
}
