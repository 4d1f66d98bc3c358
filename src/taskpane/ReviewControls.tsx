import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Button, Caption1, Field, Input, makeStyles, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Textarea, tokens } from '@fluentui/react-components';
import { cellLabel } from '../core/findings/types';
import type { ReviewAction } from '../core/review/model';
import type { ReviewStatus } from '../core/review/types';
import type { Card } from './findingCards';
import type { CardReview } from './cardReview';

/**
 * A card's review controls: the 处理 menu with what the person may do in the finding's status, and
 * for 说明 and 退回 the text box with 确定 / 取消. The controls are in the tab order only while their
 * card is the list's current item (data-roving-inner).
 */

type ActionKind = ReviewAction['kind'];

const ACTION_LABEL: Record<ActionKind, string> = { explain: '说明…', return: '退回…', accept: '复核通过', reopen: '改回待处理' };

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  textarea: { width: '100%' },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** `openMenu`: the menu opens at once (its stand-in was pressed before this code was loaded); `takeFocus`: its button takes the focus (the stand-in had it). */
export default function ReviewControls(props: { card: Card; status: ReviewStatus; review: CardReview; openMenu?: boolean; takeFocus?: boolean }) {
  const { card, status, review, openMenu = false, takeFocus = false } = props;
  const styles = useStyles();
  const [form, setForm] = useState<'explain' | 'return' | null>(null);
  const [text, setText] = useState('');
  const [asked, setAsked] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const nameBox = useRef<HTMLInputElement>(null);
  const holder = useRef<HTMLDivElement>(null);
  // the stand-in 处理 button is gone: its focus passes to the real one
  // and if it was pressed, the real one is (the menu opens as it would have, its first item focused)
  useEffect(() => {
    const button = holder.current?.querySelector<HTMLElement>('button');
    if (takeFocus || openMenu) button?.focus();
    if (openMenu) button?.click();
  }, []); // on mount only
  // the form takes the focus where the menu had it (the menu's button is gone)
  useEffect(() => {
    if (form) (nameBox.current ?? box.current)?.focus();
  }, [form]);
  const ids = card.findings.map((f) => f.id).filter((id): id is string => !!id);
  const allowed = review.allowed(status);
  const run = async (action: ReviewAction) => {
    setAsked(true);
    if (await review.act(ids, action)) {
      // the focus goes back to the card (the form's buttons are gone)
      holder.current?.closest<HTMLElement>('[data-roving]')?.focus();
      setForm(null);
      setText('');
      setAsked(false);
    }
  };
  const choose = (kind: ActionKind) => {
    if (kind === 'explain' || kind === 'return') setForm(kind);
    else void run({ kind });
  };
  // the controls' clicks and keys are theirs, not the card's (no jump)
  const stop = (e: MouseEvent | KeyboardEvent) => e.stopPropagation();
  return (
    <div ref={holder} onClick={stop} onKeyDown={stop}>
      {form ? (
        <div className={styles.form}>
          {(!review.actorName.trim() || nameBox.current) && (
            <Field label="您的姓名（记入审核记录）">
              <Input data-roving-inner="" ref={nameBox} value={review.actorName} onChange={(_, d) => review.setActorName(d.value)} />
            </Field>
          )}
          <Textarea
            data-roving-inner=""
            ref={box}
            className={styles.textarea}
            value={text}
            onChange={(_, d) => setText(d.value)}
            aria-label={form === 'explain' ? '说明理由' : '退回意见'}
            placeholder={form === 'explain' ? '说明为何如此（如：口径不同、已在其他表中调整）' : '退回的理由和要求'}
            resize="vertical"
          />
          <div className={styles.actions}>
            <Button data-roving-inner="" size="small" appearance="primary" onClick={() => void run({ kind: form, text })}>
              {form === 'explain' ? '确定说明' : '确定退回'}
            </Button>
            <Button data-roving-inner="" size="small" onClick={() => setForm(null)}>
              取消
            </Button>
          </div>
        </div>
      ) : allowed.length > 0 ? (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button data-roving-inner="" size="small" appearance="secondary" aria-label={`处理：${cellLabel(card.culprit ?? card.findings[0].cells[0] ?? { sheet: '', address: '' })}`}>
              处理 ▾
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {allowed.map((k) => (
                <MenuItem key={k} onClick={() => choose(k)}>
                  {ACTION_LABEL[k]}
                </MenuItem>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      ) : null}
      {asked && review.problem && (
        <Caption1 role="alert" className={styles.problem}>
          {review.problem}
        </Caption1>
      )}
    </div>
  );
}

