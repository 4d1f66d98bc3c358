import { Component, type ErrorInfo, type ReactNode } from 'react';
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

const useStyles = makeStyles({
  preLine: { whiteSpace: 'pre-line' },
});

/** An error message bar whose body keeps the message's line breaks (a list of problems). */
export function ErrorBar({ title, message }: { title: string; message: string }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <span className={styles.preLine}>{message}</span>
      </MessageBarBody>
    </MessageBar>
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
