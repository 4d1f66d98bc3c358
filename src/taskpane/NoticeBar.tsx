import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Fluent's message bar with a title (loaded with the first notice the pane shows: see Notice in ErrorBar.tsx). */
export default function NoticeBar({ intent, title, multiline = false, children }: { intent: 'error' | 'warning'; title: string; multiline?: boolean; children: ReactNode }) {
  return (
    <MessageBar intent={intent} layout={multiline ? 'multiline' : 'auto'}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
