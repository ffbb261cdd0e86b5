/** People (responsible, co-workers), dates, progress and the personal reminder of a card. */
import { type Card, isLate, type Member, type Reminder, urgencyOf } from "@lattice/domain";
import { useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { coordinationApi } from "../../api/coordination";
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
  progressLabel,
  progressPercent,
  urgencyClass,
  urgencyLabel,
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
}) => (
  <span className={`person-chip${isResponsible ? " is-responsible" : ""}`}>
    <Avatar name={name} seed={id} size={22} />
    {name}
    {onRemove ? (
      <button type="button" className="chip-remove" aria-label={`Remove ${name}`} onClick={onRemove}>
        ✕
      </button>
    ) : null}
  </span>
);

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
  const updateCardFields = useBoard((s) => s.updateCardFields);
  const nameOf = (id: string) =>
    members.find((m) => m.userId === id)?.name ?? (id === myUserId ? "You" : "A former member");
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
      <dt>Responsible</dt>
      <dd className="coord-row" data-testid="responsible">
        {card.responsibleId ? (
          <PersonChip
            id={card.responsibleId}
            name={nameOf(card.responsibleId)}
            isResponsible
            {...(canWrite ? { onRemove: () => setResponsible(null) } : {})}
          />
        ) : (
          <span className="coord-muted">Nobody</span>
        )}
        {canWrite ? (
          <Picker
            label="Choose the responsible person"
            trigger={
              card.responsibleId ? (
                <>
                  Change<span className="visually-hidden"> responsible person</span>
                </>
              ) : (
                "Set responsible"
              )
            }
            placeholder="Search people…"
            options={(q) =>
              personOptions(members, q, new Set(card.responsibleId ? [card.responsibleId] : []))
            }
            onPick={(id) => setResponsible(id === card.responsibleId ? null : id)}
            empty={members.length === 0 ? "No members to choose from." : "Nobody matches."}
          />
        ) : null}
      </dd>
      <dt>Co-workers</dt>
      <dd className="coord-row" data-testid="coworkers">
        {card.coworkerIds.length === 0 ? <span className="coord-muted">None</span> : null}
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
            label="Choose co-workers"
            trigger="+ Add co-worker"
            placeholder="Search people…"
            isMulti
            options={(q) => personOptions(members, q, new Set(card.coworkerIds))}
            onPick={toggleCoworker}
            empty={members.length === 0 ? "No members to choose from." : "Nobody matches."}
          />
        ) : null}
      </dd>
    </>
  );
};

export const DateFields = ({ card, canWrite }: { card: Card; canWrite: boolean }) => {
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
        <label htmlFor="card-start-date">Start</label>
      </dt>
      <dd className="coord-row">
        {canWrite ? (
          <DateField
            id="card-start-date"
            label="Start"
            className="coord-date-input"
            value={card.startDate}
            max={card.dueDate}
            isClearable
            placeholder="No start date"
            onChange={(day) => setDate("startDate", day ?? "")}
          />
        ) : (
          <span>{card.startDate ?? "—"}</span>
        )}
      </dd>
      <dt>
        <label htmlFor="card-due-date">Due</label>
      </dt>
      <dd className="coord-row">
        {canWrite ? (
          <DateField
            id="card-due-date"
            label="Due"
            className="coord-date-input"
            value={card.dueDate}
            min={card.startDate}
            isClearable
            placeholder="No due date"
            onChange={(day) => setDate("dueDate", day ?? "")}
          />
        ) : (
          <span>{card.dueDate ?? "—"}</span>
        )}
        {/* "Late" already says the card is overdue; one badge, not two. */}
        {card.dueDate && urgency !== "none" && !late ? (
          <span className={`card-front-date ${urgencyClass(urgency)}`}>{urgencyLabel(urgency)}</span>
        ) : null}
        {late ? <span className="card-front-late">Late</span> : null}
      </dd>
      {badDates ? (
        <dd className="coord-warning" style={{ gridColumn: "1 / -1" }}>
          The start date is after the due date.
        </dd>
      ) : null}
    </>
  );
};

export const ProgressField = ({ card }: { card: Card }) => {
  const progress = useBoard((s) => boardProgress(s.view, card));
  if (progress === null) return null;
  return (
    <>
      <dt>Progress</dt>
      <dd className="progress-row">
        <span
          className="progress"
          role="progressbar"
          aria-label="Progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progressPercent(progress)}
        >
          <span className="progress-fill" style={{ width: `${progressPercent(progress)}%` }} />
        </span>
        <span className="progress-row-label">{progressLabel(progress)}</span>
      </dd>
    </>
  );
};

const reminderFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The person's own reminder: nobody else sees it. */
export const ReminderBox = ({ cardId }: { cardId: string }) => {
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
      setError("Choose a date and time.");
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
      toast.error(`Could not remove the reminder. ${describeError(e)}`);
    }
  };
  if (reminder === undefined) return null;
  return (
    <div className="reminder-box" data-testid="reminder">
      <div className="coord-row">
        <strong>Reminder</strong>
        <span className="reminder-private">Only you see this reminder</span>
      </div>
      {isEditing ? (
        <>
          <div className="coord-row">
            <DateField
              label="Remind me on"
              className="coord-date-input"
              value={when.slice(0, 10) || null}
              onChange={(day) => setWhen(day ? `${day}T${when.slice(11, 16) || "09:00"}` : "")}
            />
            <label className="visually-hidden" htmlFor="reminder-at">
              Remind me at
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
              Note
            </label>
            <input
              id="reminder-note"
              className="input"
              style={{ flex: 1, minWidth: 120 }}
              placeholder="Note (optional)"
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          {error ? <p className="coord-error">{error}</p> : null}
          <div className="coord-form-actions">
            <Button size="sm" variant="ghost" onClick={() => setIsEditing(false)}>
              Cancel
            </Button>
            <Button size="sm" variant="primary" onClick={() => void save()}>
              Save reminder
            </Button>
          </div>
        </>
      ) : reminder ? (
        <div className="coord-row">
          <span>
            <time dateTime={reminder.remindAt}>{reminderFormat.format(new Date(reminder.remindAt))}</time>
            {reminder.note ? <span className="coord-muted"> · {reminder.note}</span> : null}
            {reminder.deliveredAt ? <span className="badge">sent</span> : null}
          </span>
          <Button size="sm" variant="ghost" onClick={startEditing}>
            Change
          </Button>
          <Button size="sm" variant="ghost" onClick={() => void remove()}>
            Remove
          </Button>
        </div>
      ) : (
        <div>
          <Button size="sm" onClick={startEditing}>
            Remind me…
          </Button>
        </div>
      )}
    </div>
  );
};
