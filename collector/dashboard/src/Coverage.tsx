import type { ReportResponse } from '../../server/dashboard/api-types';
import { countOf, plural } from '../../../i18n/typography';
import { formatDay } from './labels';

const SCHOOLS = { one: 'школы', few: 'школ', many: 'школ' };
const SILENT = { one: 'школа', few: 'школы', many: 'школ' };

/** Who reported this week, and the schools that did not, with the day each last did. */
export function Coverage({ coverage }: { coverage: NonNullable<ReportResponse['coverage']> }) {
  return (
    <section class="card" aria-labelledby="coverage-title">
      <h2 id="coverage-title" data-testid="coverage">
        {plural('ru', coverage.reporting, { one: 'Отчиталась', few: 'Отчитались', many: 'Отчитались' })} {coverage.reporting} из {countOf('ru', coverage.listed, SCHOOLS)}
      </h2>
      {coverage.listed === 0 && <p class="muted">Справочник школ пуст: загрузите его командой «school import».</p>}
      {coverage.unlisted > 0 && <p class="muted">Ещё {coverage.unlisted} с кодами, которых нет в справочнике, — они в таблице с пометкой «нет в справочнике».</p>}
      {coverage.districts.length > 0 && (
        <ul data-testid="district-coverage">
          {coverage.districts.map((district) => (
            <li key={district.name}>
              {district.name}: {district.listed === 0 ? 'справочник школ не загружен' : `${district.reporting} из ${countOf('ru', district.listed, SCHOOLS)}`}
              {district.reporting < district.listed && (
                <span class="muted">
                  {' — '}
                  {plural('ru', district.listed - district.reporting, { one: 'молчит', few: 'молчат', many: 'молчат' })} {countOf('ru', district.listed - district.reporting, SILENT)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {coverage.silent.length > 0 && (
        <>
          <p>Не прислали отчёт за неделю — возможно, расширение не работает:</p>
          <ul data-testid="silent-schools">
            {coverage.silent.map((school) => (
              <li key={school.code}>
                {school.name} <span class="muted">({school.code})</span> — {school.lastDay ? `последний отчёт ${formatDay(school.lastDay)}` : 'ни одного отчёта'}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
