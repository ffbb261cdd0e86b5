/** People (responsible, co-workers), dates, progress and the personal reminder of a card. */
import { type Card, isLate, type Member, type Reminder, urgencyOf } from "@lattice/domain";
import { useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { coordinationApi } from "../../api/coordination";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { toast } from "../../store/toasts";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { DateField } from "../../ui/date-field";
import { localToday } from "../filters/dates";
import {
  isoToLocalInput,
  localInputToIso,
  matchPeople,
  progressPercent,
  urgencyClass,
} from "./coordination-helpers";
import { boardProgress } from "./coordination-store";
import { Picker, type PickerOption } from "./picker";

const personOptions = (members: Member[], query: string, selected: ReadonlySet<string>): PickerOption[] =>
  matchPeople(members, query, 50).map((m) => ({
    id: m.userId,
    label: m.name,
    hint: m.email,
    icon: <Avatar name={m.name} seed={m.userId} size={22} />,
    isSelected: selected.has(m.userId),
  }));

const PersonChip = ({
  id,
  name,
  isResponsible,
  onRemove,
}: {
  id: string;
  name: string;
  isResponsible?: boolean;
  onRemove?: () => void;
}) => {
  const { t } = useTranslator();
  return (
    <span className={`person-chip${isResponsible ? " is-responsible" : ""}`}>
      <Avatar name={name} seed={id} size={22} />
      {name}
      {onRemove ? (
        <button
          type="button"
          className="chip-remove"
          aria-label={t("card.people.remove", { name })}
          onClick={onRemove}
        >
          ✕
        </button>
      ) : null}
    </span>
  );
};

export const PeopleFields = ({
  card,
  members,
  canWrite,
  myUserId,
}: {
  card: Card;
  members: Member[];
  canWrite: boolean;
  myUserId: string | null;
}) => {
  const { t } = useTranslator();
  const updateCardFields = useBoard((s) => s.updateCardFields);
  const nameOf = (id: string) =>
    members.find((m) => m.userId === id)?.name ??
    (id === myUserId ? t("card.person.you") : t("card.person.former"));
  const setResponsible = (responsibleId: string | null) =>
    void updateCardFields(card.id, {
      responsibleId,
      // One person is either responsible or a co-worker.
      ...(responsibleId && card.coworkerIds.includes(responsibleId)
        ? { coworkerIds: card.coworkerIds.filter((id) => id !== responsibleId) }
        : {}),
    });
  const toggleCoworker = (userId: string) => {
    const has = card.coworkerIds.includes(userId);
    const coworkerIds = has ? card.coworkerIds.filter((id) => id !== userId) : [...card.coworkerIds, userId];
    void updateCardFields(card.id, {
      coworkerIds,
      ...(!has && card.responsibleId === userId ? { responsibleId: null } : {}),
    });
  };
  return (
    <>
      <dt>{t("card.people.responsible")}</dt>
      <dd className="coord-row" data-testid="responsible">
        {card.responsibleId ? (
          <PersonChip
            id={card.responsibleId}
            name={nameOf(card.responsibleId)}
            isResponsible
            {...(canWrite ? { onRemove: () => setResponsible(null) } : {})}
          />
        ) : (
          <span className="coord-muted">{t("card.people.nobody")}</span>
        )}
        {canWrite ? (
          <Picker
            label={t("card.people.chooseResponsible")}
            trigger={
              card.responsibleId ? (
                <>
                  {t("card.people.change")}
                  <span className="visually-hidden"> {t("card.people.responsiblePerson")}</span>
                </>
              ) : (
                t("card.people.setResponsible")
              )
            }
            placeholder={t("card.people.search")}
            options={(q) =>
              personOptions(members, q, new Set(card.responsibleId ? [card.responsibleId] : []))
            }
            onPick={(id) => setResponsible(id === card.responsibleId ? null : id)}
            empty={members.length === 0 ? t("card.people.noMembers") : t("card.people.noMatch")}
          />
        ) : null}
      </dd>
      <dt>{t("card.people.coworkers")}</dt>
      <dd className="coord-row" data-testid="coworkers">
        {card.coworkerIds.length === 0 ? <span className="coord-muted">{t("common.none")}</span> : null}
        {card.coworkerIds.map((id) => (
          <PersonChip
            key={id}
            id={id}
            name={nameOf(id)}
            {...(canWrite ? { onRemove: () => toggleCoworker(id) } : {})}
          />
        ))}
        {canWrite ? (
          <Picker
            label={t("card.people.chooseCoworkers")}
            trigger={t("card.people.addCoworker")}
            placeholder={t("card.people.search")}
            isMulti
            options={(q) => personOptions(members, q, new Set(card.coworkerIds))}
            onPick={toggleCoworker}
            empty={members.length === 0 ? t("card.people.noMembers") : t("card.people.noMatch")}
          />
        ) : null}
      </dd>
    </>
  );
};

export const DateFields = ({ card, canWrite }: { card: Card; canWrite: boolean }) => {
  const { t, format } = useTranslator();
  const updateCardFields = useBoard((s) => s.updateCardFields);
  const role = useBoard((s) => s.view.statuses[card.statusId]?.role ?? "not_started");
  const [today] = useState(localToday);
  const urgency = urgencyOf(card.dueDate, role, today);
  const late = isLate(card, role, today);
  const setDate = (field: "startDate" | "dueDate", value: string) => {
    const next = value || null;
    if (next === card[field]) return;
    void updateCardFields(card.id, { [field]: next });
  };
  const badDates = card.startDate && card.dueDate && card.startDate > card.dueDate;
  return (
    <>
      <dt>
        <label htmlFor="card-start-date">{t("card.dates.start")}</label>
      </dt>
      <dd className="coord-row">
        {canWrite ? (
          <DateField
            id="card-start-date"
            label={t("card.dates.start")}
            className="coord-date-input"
            value={card.startDate}
            max={card.dueDate}
            isClearable
            placeholder={t("card.dates.noStart")}
            onChange={(day) => setDate("startDate", day ?? "")}
          />
        ) : (
          <span>{card.startDate ? format.calendarDay(card.startDate, true) : "—"}</span>
        )}
      </dd>
      <dt>
        <label htmlFor="card-due-date">{t("card.dates.due")}</label>
      </dt>
      <dd className="coord-row">
        {canWrite ? (
          <DateField
            id="card-due-date"
            label={t("card.dates.due")}
            className="coord-date-input"
            value={card.dueDate}
            min={card.startDate}
            isClearable
            placeholder={t("card.dates.noDue")}
            onChange={(day) => setDate("dueDate", day ?? "")}
          />
        ) : (
          <span>{card.dueDate ? format.calendarDay(card.dueDate, true) : "—"}</span>
        )}
        {/* "Late" already says the card is overdue; one badge, not two. */}
        {card.dueDate && urgency !== "none" && !late ? (
          <span className={`card-front-date ${urgencyClass(urgency)}`}>{t("card.urgency", { urgency })}</span>
        ) : null}
        {late ? <span className="card-front-late">{t("card.dates.late")}</span> : null}
      </dd>
      {badDates ? (
        <dd className="coord-warning" style={{ gridColumn: "1 / -1" }}>
          {t("card.dates.startAfterDue")}
        </dd>
      ) : null}
    </>
  );
};

export const ProgressField = ({ card }: { card: Card }) => {
  const { t } = useTranslator();
  const progress = useBoard((s) => boardProgress(s.view, card));
  if (progress === null) return null;
  return (
    <>
      <dt>{t("card.progress.label")}</dt>
      <dd className="progress-row">
        <span
          className="progress"
          role="progressbar"
          aria-label={t("card.progress.label")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progressPercent(progress)}
        >
          <span className="progress-fill" style={{ width: `${progressPercent(progress)}%` }} />
        </span>
        <span className="progress-row-label">
          {t("card.progress.value", { share: progressPercent(progress) / 100 })}
        </span>
      </dd>
    </>
  );
};

/** The person's own reminder: nobody else sees it. */
export const ReminderBox = ({ cardId }: { cardId: string }) => {
  const { t, format } = useTranslator();
  const [reminder, setReminder] = useState<Reminder | null | undefined>(undefined);
  const [isEditing, setIsEditing] = useState(false);
  const [when, setWhen] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let isActive = true;
    setReminder(undefined);
    coordinationApi
      .reminder(cardId)
      .then((r) => {
        if (isActive) setReminder(r);
      })
      .catch(() => {
        if (isActive) setReminder(null);
      });
    return () => {
      isActive = false;
    };
  }, [cardId]);

  const startEditing = () => {
    setWhen(reminder ? isoToLocalInput(reminder.remindAt) : "");
    setNote(reminder?.note ?? "");
    setError(null);
    setIsEditing(true);
  };
  const save = async () => {
    const remindAt = localInputToIso(when);
    if (!remindAt) {
      setError(t("card.reminder.chooseWhen"));
      return;
    }
    try {
      setReminder(await coordinationApi.setReminder(cardId, { remindAt, note: note.trim() }));
      setIsEditing(false);
    } catch (e) {
      setError(describeError(e));
    }
  };
  const remove = async () => {
    try {
      await coordinationApi.deleteReminder(cardId);
      setReminder(null);
      setIsEditing(false);
    } catch (e) {
      toast.error(translate("card.reminder.removeFailed", { reason: describeError(e) }));
    }
  };
  if (reminder === undefined) return null;
  return (
    <div className="reminder-box" data-testid="reminder">
      <div className="coord-row">
        <strong>{t("card.reminder.title")}</strong>
        <span className="reminder-private">{t("card.reminder.private")}</span>
      </div>
      {isEditing ? (
        <>
          <div className="coord-row">
            <DateField
              label={t("card.reminder.on")}
              className="coord-date-input"
              value={when.slice(0, 10) || null}
              onChange={(day) => setWhen(day ? `${day}T${when.slice(11, 16) || "09:00"}` : "")}
            />
            <label className="visually-hidden" htmlFor="reminder-at">
              {t("card.reminder.at")}
            </label>
            <input
              id="reminder-at"
              type="time"
              className="input coord-date-input"
              value={when.slice(11, 16)}
              disabled={when === ""}
              onChange={(e) => setWhen(`${when.slice(0, 10)}T${e.target.value || "09:00"}`)}
            />
            <label className="visually-hidden" htmlFor="reminder-note">
              {t("card.reminder.note")}
            </label>
            <input
              id="reminder-note"
              className="input"
              style={{ flex: 1, minWidth: 120 }}
              placeholder={t("card.reminder.notePlaceholder")}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          {error ? <p className="coord-error">{error}</p> : null}
          <div className="coord-form-actions">
            <Button size="sm" variant="ghost" onClick={() => setIsEditing(false)}>
              {t("common.cancel")}
            </Button>
            <Button size="sm" variant="primary" onClick={() => void save()}>
              {t("card.reminder.save")}
            </Button>
          </div>
        </>
      ) : reminder ? (
        <div className="coord-row">
          <span>
            <time dateTime={reminder.remindAt}>{format.dateTime(reminder.remindAt)}</time>
            {reminder.note ? <span className="coord-muted"> · {reminder.note}</span> : null}
            {reminder.deliveredAt ? <span className="badge">{t("card.reminder.sent")}</span> : null}
          </span>
          <Button size="sm" variant="ghost" onClick={startEditing}>
            {t("card.reminder.change")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => void remove()}>
            {t("common.remove")}
          </Button>
        </div>
      ) : (
        <div>
          <Button size="sm" onClick={startEditing}>
            {t("card.reminder.add")}
          </Button>
        </div>
      )}
    </div>
  );
};
