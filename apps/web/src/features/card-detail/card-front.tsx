/**
 * The coordination facts on a card front: blocked mark, labels, due date by urgency, "Late", date
 * conflict warning, repeat mark (its rule in the tooltip), to-do count, document count, progress bar,
 * and the people (responsible first, with a ring); and the cover image, if one was chosen.
 */
import { type Card, isLate, urgencyOf } from "@lattice/domain";
import { memo, useState } from "react";
import { useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { Avatar } from "../../ui/avatar";
import { conflictText, progressPercent, urgencyClass } from "./coordination-helpers";
import { boardConflicts, boardProgress, useLabels, useMembers } from "./coordination-store";
import "./coordination.css";
import { localToday } from "../filters/dates";
import { repeatLine } from "./repeat-rule";

export const CardFrontLabels = memo(({ card }: { card: Card }) => {
  const labels = useLabels(card.spaceId);
  if (card.labelIds.length === 0) return null;
  const chosen = labels.filter((l) => card.labelIds.includes(l.id));
  if (chosen.length === 0) return null;
  return (
    <span className="card-front-labels">
      {chosen.map((l) => (
        <span key={l.id} className="label-chip label-chip-sm" style={{ ["--label" as string]: l.color }}>
          {l.name}
        </span>
      ))}
    </span>
  );
});
CardFrontLabels.displayName = "CardFrontLabels";

/** Drawn rather than an emoji, which not every system font has. */
const PaperClip = () => (
  <svg
    className="paper-clip"
    width="12"
    height="12"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    aria-hidden="true"
  >
    <path d="M21 11.5 12.5 20a5 5 0 0 1-7-7L14 4.5a3.5 3.5 0 0 1 5 5L10.5 18a2 2 0 0 1-3-3L15 7.5" />
  </svg>
);

export const CardFrontFacts = memo(({ card }: { card: Card }) => {
  const words = useTranslator();
  const { t, format } = words;
  const [today] = useState(localToday);
  const role = useBoard((s) => s.view.statuses[card.statusId]?.role ?? "not_started");
  const progress = useBoard((s) => boardProgress(s.view, card));
  const firstConflict = useBoard((s) => boardConflicts(s.view, card.id)[0] ?? null);
  const conflict = firstConflict ? conflictText(words, firstConflict) : null;
  const members = useMembers(card.workspaceId);
  const people = [card.responsibleId, ...card.coworkerIds.filter((id) => id !== card.responsibleId)].filter(
    (id): id is string => id !== null,
  );
  const urgency = urgencyOf(card.dueDate, role, today);
  const late = isLate(card, role, today);
  const todos =
    card.todoTotal > 0
      ? t("card.front.todos", { done: Math.min(card.todoDone, card.todoTotal), total: card.todoTotal })
      : null;
  /** "Mar 4", with the year when it is not this one. */
  const shortDate = (day: string) => format.calendarDay(day, day.slice(0, 4) !== today.slice(0, 4));
  const hasAny =
    card.isBlocked ||
    card.repeat ||
    card.dueDate ||
    card.startDate ||
    todos ||
    card.attachmentCount > 0 ||
    progress !== null ||
    people.length > 0;
  if (!hasAny) return null;
  const nameOf = (id: string) => members.find((m) => m.userId === id)?.name ?? t("card.person.someone");
  const repeat = card.repeat ? repeatLine(words, card.repeat, today) : "";
  return (
    <span className="card-front">
      {card.isBlocked ? (
        <span className="card-front-blocked" title={t("card.front.blockedTitle")}>
          <span aria-hidden="true">⊘</span> {t("card.front.blocked")}
        </span>
      ) : null}
      <span className="card-front-row">
        {card.dueDate ? (
          <span
            className={`card-front-date ${urgencyClass(urgency)}`}
            title={
              urgency !== "none"
                ? t("card.front.dueUrgent", {
                    date: format.calendarDay(card.dueDate, true),
                    urgency: t("card.urgency", { urgency }),
                  })
                : t("card.front.due", { date: format.calendarDay(card.dueDate, true) })
            }
          >
            <span aria-hidden="true">◷</span>{" "}
            <span className="visually-hidden">{t("card.front.dueWord")} </span>
            {shortDate(card.dueDate)}
          </span>
        ) : card.startDate ? (
          <span
            className="card-front-date due"
            title={t("card.front.starts", { date: format.calendarDay(card.startDate, true) })}
          >
            <span aria-hidden="true">▷</span>{" "}
            <span className="visually-hidden">{t("card.front.startsWord")} </span>
            {shortDate(card.startDate)}
          </span>
        ) : null}
        {card.repeat ? (
          <span className="card-front-repeat" data-testid="card-repeat" title={repeat}>
            <span aria-hidden="true">↻</span>
            <span className="visually-hidden">{repeat}</span>
          </span>
        ) : null}
        {late ? <span className="card-front-late">{t("card.dates.late")}</span> : null}
        {conflict ? (
          <span className="card-front-conflict" title={t("card.front.conflict", { reason: conflict })}>
            <span aria-hidden="true">⚠</span>
            <span className="visually-hidden">{t("card.front.conflict", { reason: conflict })}</span>
          </span>
        ) : null}
        {todos ? (
          <span
            className={`card-front-todos${card.todoDone >= card.todoTotal ? " is-done" : ""}`}
            title={t("card.front.todosTitle")}
          >
            <span aria-hidden="true">☑</span> {todos}
          </span>
        ) : null}
        {card.attachmentCount > 0 ? (
          <span className="card-front-attachments" title={t("card.section.documents")}>
            <PaperClip /> {format.number(card.attachmentCount)}
            <span className="visually-hidden">
              {" "}
              {t("card.front.documents", { count: card.attachmentCount })}
            </span>
          </span>
        ) : null}
        {people.length > 0 ? (
          <span className="card-front-people">
            {people.slice(0, 4).map((id) => (
              <span
                key={id}
                className={`card-front-person${id === card.responsibleId ? " is-responsible" : ""}`}
              >
                <Avatar name={nameOf(id)} seed={id} size={20} />
              </span>
            ))}
            {people.length > 4 ? (
              <span className="card-front-more">{t("card.front.more", { count: people.length - 4 })}</span>
            ) : null}
            <span className="visually-hidden">
              {card.responsibleId
                ? `${t("card.front.responsible", { name: nameOf(card.responsibleId) })} `
                : ""}
              {card.coworkerIds.length > 0
                ? t("card.front.coworkers", { names: format.list(card.coworkerIds.map(nameOf)) })
                : ""}
            </span>
          </span>
        ) : null}
      </span>
      {progress !== null ? (
        <span
          className="progress progress-sm"
          role="progressbar"
          aria-label={t("card.progress.label")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progressPercent(progress)}
          title={t("card.front.progressDone", { share: progressPercent(progress) / 100 })}
        >
          <span className="progress-fill" style={{ width: `${progressPercent(progress)}%` }} />
        </span>
      ) : null}
    </span>
  );
});
CardFrontFacts.displayName = "CardFrontFacts";

/** The image chosen as the card's cover: small, and loaded only when the tile scrolls into view. */
export const CardCover = memo(({ card }: { card: Card }) =>
  card.coverAttachmentId ? (
    <img
      className="card-tile-cover"
      src={`/api/attachments/${card.coverAttachmentId}`}
      alt=""
      loading="lazy"
      decoding="async"
      draggable={false}
    />
  ) : null,
);
CardCover.displayName = "CardCover";
