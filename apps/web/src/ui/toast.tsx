import { useTranslator } from "../lib/i18n/i18n";
import { useToasts } from "../store/toasts";

/** Where toasts appear; polite for news, assertive for failures. */
export const Toaster = () => {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  const { t } = useTranslator();
  return (
    <div className="toaster" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.tone}`}
          role={toast.tone === "error" ? "alert" : "status"}
        >
          <span className="toast-message">
            {toast.message}
            {toast.count > 1 ? <span className="toast-count"> ×{toast.count}</span> : null}
          </span>
          {toast.action ? (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                dismiss(toast.id);
                void toast.action?.run();
              }}
            >
              {toast.action.label}
            </button>
          ) : null}
          <button
            type="button"
            className="toast-close"
            aria-label={t("common.dismiss")}
            onClick={() => dismiss(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
};
