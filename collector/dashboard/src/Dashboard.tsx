import { useEffect, useState } from 'preact/hooks';
import type { OverviewResponse, SessionInfo, TrendResponse, UnitsResponse } from '../../server/dashboard/api-types';
import { api, ApiFailure } from './api';
import { weekLabel } from './labels';
import { OverviewTable } from './OverviewTable';
import { ShareCard } from './ShareCard';
import { TrendChart } from './TrendChart';
import { UnitTable } from './UnitTable';

const TREND_WEEKS = 12;

interface WeekData {
  overview: OverviewResponse;
  trend: TrendResponse;
  units: UnitsResponse;
}

export function Dashboard({ session, onSignedOut }: { session: SessionInfo; onSignedOut: () => void }) {
  const [weeks, setWeeks] = useState<string[] | null>(null);
  const [week, setWeek] = useState('');
  const [data, setData] = useState<WeekData | null>(null);
  const [error, setError] = useState('');

  const fail = (failure: unknown) => {
    if (failure instanceof ApiFailure && failure.status === 401) return onSignedOut();
    setError('Не удалось загрузить данные. Обновите страницу.');
  };

  useEffect(() => {
    api
      .weeks()
      .then((answer) => {
        setWeeks(answer.weeks);
        setWeek(answer.latest ?? '');
      })
      .catch(fail);
  }, []);

  useEffect(() => {
    if (!week) return;
    setData(null);
    Promise.all([api.overview(week), api.trend(week, TREND_WEEKS), api.units(week)])
      .then(([overview, trend, units]) => setData({ overview, trend, units }))
      .catch(fail);
  }, [week]);

  const logout = () => api.logout().catch(() => undefined).then(onSignedOut);

  return (
    <>
      <header class="topbar">
        <div>
          <h1>Подсказка</h1>
          <p>
            {session.role === 'region' ? 'Регион' : session.role === 'school' ? 'Школа' : 'Район'}: <strong>{session.scopeName}</strong>
          </p>
        </div>
        <div class="topbar-actions">
          <span class="muted">{session.login}</span>
          <button type="button" class="secondary" onClick={logout}>
            Выйти
          </button>
        </div>
      </header>
      <main class="content">
        {error && <p class="error" role="alert">{error}</p>}
        {weeks && weeks.length === 0 && <p class="card">Данных пока нет: школы ещё не прислали ни одного отчёта.</p>}
        {weeks && weeks.length > 0 && (
          <section class="toolbar" aria-label="Выбор недели">
            <label for="week">Неделя</label>
            <select id="week" value={week} onChange={(e) => setWeek(e.currentTarget.value)}>
              {[...weeks].reverse().map((w) => (
                <option value={w} key={w}>
                  {weekLabel(w)}
                </option>
              ))}
            </select>
            <a class="button" href={api.exportUrl(week)} download={`podskazka-${week}.csv`}>
              Скачать CSV за неделю
            </a>
          </section>
        )}
        {week && !data && !error && <p class="status" aria-live="polite">Загрузка…</p>}
        {data && (
          <>
            <ShareCard share={data.overview.share} />
            <OverviewTable overview={data.overview} />
            <TrendChart trend={data.trend} />
            <UnitTable units={data.units} />
          </>
        )}
      </main>
    </>
  );
}
