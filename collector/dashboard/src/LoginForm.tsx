import { useState } from 'preact/hooks';
import type { SessionInfo } from '../../server/dashboard/api-types';
import { api, ApiFailure } from './api';

function explain(error: unknown): string {
  if (!(error instanceof ApiFailure)) return 'Нет связи с сервером. Проверьте сеть и попробуйте ещё раз.';
  if (error.status === 401) return 'Неверный логин или пароль.';
  if (error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return `Слишком много попыток входа. Попробуйте через ${minutes} мин.`;
  }
  return error.message;
}

export function LoginForm({ onSignedIn }: { onSignedIn: (session: SessionInfo) => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onSignedIn(await api.login(login.trim(), password));
    } catch (failure) {
      setError(explain(failure));
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form class="card" onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
        <h1>Подсказка</h1>
        <p class="muted">Панель района: сколько раз в школах открывали иностранные мессенджеры и переходили в Сферум.</p>
        <label for="login">Логин</label>
        <input id="login" name="login" autoComplete="username" required value={login} onInput={(e) => setLogin(e.currentTarget.value)} />
        <label for="password">Пароль</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <p id="login-error" class="error" role="alert">
          {error}
        </p>
        <button type="submit" disabled={busy}>
          {busy ? 'Входим…' : 'Войти'}
        </button>
      </form>
    </main>
  );
}
