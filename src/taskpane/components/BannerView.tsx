/** The outcome of the last action, or what went wrong and what to do, as a Fluent message bar. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Banner } from '../controller';

export function BannerView({ banner }: { banner: Banner }) {
  return (
    <MessageBar intent={banner.intent} layout="multiline" data-testid="banner" role={banner.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{banner.title}</MessageBarTitle>
        {banner.detail}
        {banner.notices.length ? (
          <ul style={{ margin: '4px 0 0', paddingLeft: '1.2em' }}>
            {banner.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
