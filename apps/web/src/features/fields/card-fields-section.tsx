/** The card panel's custom fields: every field of the space with this card's value, editable by writers. */
import { type Card, type Member, orderedFields } from "@lattice/domain";
import { Fragment, useMemo } from "react";
import { useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { FieldEditor } from "./field-editor";

export const CardFieldsSection = ({
  card,
  members,
  canWrite,
}: {
  card: Card;
  members: readonly Member[];
  canWrite: boolean;
}) => {
  const { t } = useTranslator();
  const fieldsById = useBoard((s) => s.view.fields);
  const values = useBoard((s) => s.view.fieldValues?.[card.id]);
  const setCardField = useBoard((s) => s.setCardField);
  const fields = useMemo(() => orderedFields({ fields: fieldsById ?? {} }), [fieldsById]);
  if (fields.length === 0) return null;
  return (
    <section className="card-section" aria-label={t("fields.section.title")}>
      <h3 className="card-section-title">{t("fields.section.title")}</h3>
      <dl className="coord-grid">
        {fields.map((field) => (
          <Fragment key={field.id}>
            <dt>{field.name}</dt>
            <dd className="coord-row">
              <FieldEditor
                field={field}
                value={values?.[field.id]}
                people={members}
                canWrite={canWrite}
                label={field.name}
                onChange={(value) => void setCardField(card.id, field.id, value)}
              />
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
};
