// Last line of defence: a component that throws while rendering replaces the page with a calm
// explanation and a way out, never a blank page or a stack trace.
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="page crash" role="alert">
        <h1>Rollout Lab hit a problem</h1>
        <p>
          Something went wrong while drawing the page. Any edits to your scenario are saved in this
          browser, so reloading loses nothing.
        </p>
        <p className="crash-detail">
          <strong>What went wrong:</strong> {error.message || 'an unknown error'}
        </p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </main>
    );
  }
}
