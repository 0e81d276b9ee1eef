import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { CatalogKey } from '../../core/index.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

const FACES = ['😞', '🙁', '😐', '🙂', '😍'];
const LABELS: CatalogKey[] = ['rating.score1', 'rating.score2', 'rating.score3', 'rating.score4', 'rating.score5'];

/** CSAT after a resolution: a 1–5 score, an optional comment, then a thank-you. */
export function Rating() {
  const { client } = useWidget();
  const t = useT();
  const conversation = useStore(client.$conversation);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'failed' | 'done'>('idle');

  if (state === 'done') {
    return (
      <div class="card rating thanks" role="status">
        <Icon name="check" />
        {t('rating.thanks')}
      </div>
    );
  }
  const asked = conversation?.status === 'resolved' && conversation.ratingRequested && !conversation.rating;
  if (!asked) return null;

  const submit = (event: Event) => {
    event.preventDefault();
    if (score === null) return;
    setState('sending');
    const text = comment.trim();
    client.rate({ score, ...(text ? { comment: text } : {}) }).then(
      () => setState('done'),
      () => setState('failed'),
    );
  };

  return (
    <form class="card rating" onSubmit={submit}>
      <fieldset>
        <legend>{t('rating.title')}</legend>
        <p class="muted small">{t('rating.subtitle')}</p>
        <div class="scores">
          {FACES.map((face, i) => (
            <label class="score" key={i}>
              <input type="radio" name="parley-score" value={i + 1} checked={score === i + 1} onChange={() => setScore(i + 1)} />
              <span aria-hidden="true">{face}</span>
              <span class="sr-only">{t('rating.scoreLabel', { score: i + 1, label: t(LABELS[i]!) })}</span>
            </label>
          ))}
        </div>
        <p class="score-label" aria-hidden="true">
          {score !== null ? t(LABELS[score - 1]!) : ''}
        </p>
      </fieldset>
      {score !== null && (
        <label class="field">
          {t('rating.comment')}
          <textarea rows={2} maxLength={2000} value={comment} onInput={(event) => setComment(event.currentTarget.value)} />
        </label>
      )}
      {state === 'failed' && (
        <p class="form-error" role="alert">
          {t('rating.failed')}
        </p>
      )}
      <button type="submit" class="button" disabled={score === null || state === 'sending'}>
        {t(state === 'sending' ? 'rating.submitting' : 'rating.submit')}
      </button>
    </form>
  );
}
