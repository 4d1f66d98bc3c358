import { Component, lazy, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  preLine: { whiteSpace: 'pre-line' },
  plain: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
});

/** Fluent's message bar, loaded with the first notice shown (it has no place in the first bundle: most sessions show none). */
const NoticeBar = lazy(() => import(/* webpackChunkName: "notice" */ './NoticeBar'));

export interface NoticeProps {
  intent: 'error' | 'warning';
  title: string;
  multiline?: boolean;
  children: ReactNode;
}

/** A notice with its title: Fluent's message bar once loaded, the same words as plain text meanwhile. */
export function Notice(props: NoticeProps) {
  const styles = useStyles();
  const plain = (
    <div role="alert" className={styles.plain}>
      <strong>{props.title}</strong> {props.children}
    </div>
  );
  return (
    <Suspense fallback={plain}>
      <NoticeBar {...props} />
    </Suspense>
  );
}

/** An error message bar whose body keeps the message's line breaks (a list of problems). */
export function ErrorBar({ title, message }: { title: string; message: string }) {
  const styles = useStyles();
  return (
    <Notice intent="error" title={title} multiline>
      <span className={styles.preLine}>{message}</span>
    </Notice>
  );
}

/**
 * Keeps an unexpected error in a part of the pane (rendering, or loading its code) from taking the
 * whole pane down: the part shows the error instead.
 */
export class ErrorBoundary extends Component<{ title: string; children: ReactNode }, { message: string | null }> {
  override state: { message: string | null } = { message: null };

  static getDerivedStateFromError(error: unknown): { message: string } {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(this.props.title, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.message === null) return this.props.children;
    return <ErrorBar title={this.props.title} message={`${this.state.message}（请重新打开工作簿后重试）`} />;
  }
}
