import { useEffect, useState } from 'preact/hooks';
import type { ReportResponse, SessionInfo, TrendResponse } from '../../server/dashboard/api-types';
import { api, ApiFailure } from './api';
import { Coverage } from './Coverage';
import { Headline } from './Headline';
import { RefusedExcess } from './RefusedExcess';
import { weekLabel } from './labels';
import { SchoolTable } from './SchoolTable';
import { TrendChart } from './TrendChart';

const TREND_WEEKS = 12;
const ROLE_TITLES: Record<SessionInfo['role'], string> = { region: 'Регион', district: 'Район', school: 'Школа' };

interface WeekData {
  report: ReportResponse;
  trend: TrendResponse;
}

export function Dashboard({ session, onSignedOut }: { session: SessionInfo; onSignedOut: () => void }) {
  const [weeks, setWeeks] = useState<string[] | null>(null);
  const [latest, setLatest] = useState('');
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
        setLatest(answer.latest ?? '');
        setWeek(answer.latest ?? '');
      })
      .catch(fail);
  }, []);

  useEffect(() => {
    if (!week) return;
    setData(null);
    Promise.all([api.report(week), api.trend(week, TREND_WEEKS)])
      .then(([report, trend]) => setData({ report, trend }))
      .catch(fail);
  }, [week]);

  const logout = () => api.logout().catch(() => undefined).then(onSignedOut);

  return (
    <>
      <header class="topbar">
        <div>
          <h1>Подсказка</h1>
          <p>
            {ROLE_TITLES[session.role]}: <strong>{session.scopeName}</strong>
          </p>
        </div>
        <div class="topbar-actions no-print">
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
          <section class="toolbar no-print" aria-label="Выбор недели">
            <label for="week">Неделя</label>
            <select id="week" value={week} onChange={(e) => setWeek(e.currentTarget.value)}>
              {[...weeks].reverse().map((w) => (
                <option value={w} key={w}>
                  {weekLabel(w)}
                  {w === latest ? ' — последняя полная' : ''}
                </option>
              ))}
            </select>
            <a class="button" href={api.exportUrl(week, 'xlsx')} download={`podskazka-${week}.xlsx`}>
              Скачать XLSX
            </a>
            <a class="button secondary" href={api.exportUrl(week, 'csv')} download={`podskazka-${week}.csv`}>
              Скачать CSV
            </a>
            <button type="button" class="secondary" onClick={() => window.print()}>
              Распечатать
            </button>
          </section>
        )}
        {week && !data && !error && <p class="status" aria-live="polite">Загрузка…</p>}
        {data && (
          <>
            <p class="week-title" data-testid="week-title">
              <strong>{weekLabel(data.report.week)}</strong>
              {data.report.inProgress ? (
                <span class="badge" data-testid="in-progress"> неделя идёт — данные неполные</span>
              ) : data.report.week === latest ? (
                <span class="muted"> — последняя полная неделя</span>
              ) : null}
            </p>
            <Headline report={data.report} />
            {data.report.coverage && <Coverage coverage={data.report.coverage} />}
            <RefusedExcess refused={data.report.refused} />
            <TrendChart trend={data.trend} />
            <SchoolTable report={data.report} />
          </>
        )}
      </main>
    </>
  );
}
