import { useEffect, useState } from 'preact/hooks';
import type { SessionInfo } from '../../server/dashboard/api-types';
import { api, ApiFailure } from './api';
import { Dashboard } from './Dashboard';
import { LoginForm } from './LoginForm';

type State = { kind: 'loading' } | { kind: 'anonymous' } | { kind: 'signed-in'; session: SessionInfo } | { kind: 'error'; message: string };

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    api
      .session()
      .then((session) => setState({ kind: 'signed-in', session }))
      .catch((error: unknown) =>
        setState(error instanceof ApiFailure && error.status === 401 ? { kind: 'anonymous' } : { kind: 'error', message: 'Сервер не отвечает. Обновите страницу чуть позже.' }),
      );
  }, []);

  const signOut = () => setState({ kind: 'anonymous' });

  switch (state.kind) {
    case 'loading':
      return <p class="status">Загрузка…</p>;
    case 'error':
      return <p class="status error" role="alert">{state.message}</p>;
    case 'anonymous':
      return <LoginForm onSignedIn={(session) => setState({ kind: 'signed-in', session })} />;
    case 'signed-in':
      return <Dashboard session={state.session} onSignedOut={signOut} />;
  }
}
