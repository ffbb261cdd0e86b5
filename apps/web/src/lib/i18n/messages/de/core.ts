/** German (Deutsch): every English key, translated. The interface addresses the person as "Sie": the sign-in page's messages and the few shared words, loaded before the first render (docs/I18N.md). */
import type { core as english } from "../en/core";

export const core: Record<keyof typeof english, string> = {
  "auth.sso.unavailable": "Der Anmeldedienst hat nicht geantwortet. Versuchen Sie es gleich noch einmal.",
  "auth.sso.state":
    "Dieser Anmeldelink wurde schon benutzt, ist abgelaufen oder wurde in einem anderen Browser geöffnet. Beginnen Sie von vorn.",
  "auth.sso.rejected": "Die Antwort des Anmeldedienstes ließ sich nicht prüfen. Beginnen Sie von vorn.",
  "auth.sso.denied": "Die Anmeldung wurde beim Anbieter abgebrochen.",
  "auth.sso.domain": "Mit der Domain Ihrer E-Mail-Adresse ist hier keine Anmeldung möglich.",
  "auth.sso.unverified":
    "Der Anmeldedienst hat Ihre E-Mail-Adresse nicht bestätigt, daher ließ sich kein Konto zuordnen.",
  "auth.sso.deactivated":
    "Dieses Konto wurde deaktiviert. Wenden Sie sich an die Administration dieser Instanz.",
  "auth.sso.invitation":
    "Konten gibt es auf dieser Instanz nur auf Einladung, und für Ihre E-Mail-Adresse liegt keine offene Einladung vor. Bitten Sie jemanden, der einen Arbeitsbereich besitzt, Sie einzuladen.",
  "auth.sso.failed": "Die Anmeldung per Single Sign-on hat nicht geklappt. Beginnen Sie von vorn.",
  "auth.signupMode.invitation":
    "Konten gibt es auf dieser Instanz nur auf Einladung: Bitten Sie jemanden, der einen Arbeitsbereich besitzt, Sie per E-Mail einzuladen.",
  "auth.signupMode.sso": "Konten entstehen auf dieser Instanz bei der Anmeldung per Single Sign-on.",
  "auth.passwordTooShort": "muss mindestens {min, number} Zeichen lang sein",
  "auth.passwordHint": "Mindestens {min, number} Zeichen.",
  "auth.signupClosed": "Registrierung geschlossen",
  "auth.haveAccount": "Sie haben schon ein Konto?",
  "auth.newHere": "Neu bei Lattice?",
  "auth.logIn": "Anmelden",
  "auth.createAccount": "Konto erstellen",
  "auth.createAnAccount": "Konto erstellen",
  "auth.signup.title": "Erstellen Sie Ihr Konto",
  "auth.signup.subtitle": "Planen und verfolgen Sie die Arbeit Ihres Teams auf gemeinsamen Boards.",
  "auth.login.title": "Willkommen zurück",
  "auth.login.subtitle": "Melden Sie sich an, um Ihre Arbeitsbereiche zu sehen.",
  "auth.orWithPassword": "oder mit E-Mail-Adresse und Passwort",
  "auth.email": "E-Mail",
  "auth.name": "Name",
  "auth.password": "Passwort",
  "auth.forgotLink": "Passwort vergessen?",
  "auth.backToLogin": "Zurück zur Anmeldung",
  "auth.forgot.title": "Passwort vergessen?",
  "auth.forgot.subtitle":
    "Geben Sie Ihre E-Mail-Adresse ein, und wir schicken Ihnen einen Link, mit dem Sie ein neues festlegen.",
  "auth.forgot.send": "Link senden",
  "auth.forgot.remembered": "Doch wieder eingefallen?",
  "auth.forgot.sentTitle": "Sehen Sie in Ihr Postfach",
  "auth.forgot.sentSubtitle":
    "Falls {email} hier ein Konto hat, ist ein Link zum Festlegen eines neuen Passworts unterwegs. Er funktioniert einmal, innerhalb einer Stunde.",
  "auth.reset.incomplete": "Dieser Link ist unvollständig. Kopieren Sie den ganzen Link aus der Nachricht.",
  "auth.reset.doneTitle": "Passwort geändert",
  "auth.reset.doneSubtitle": "Sie wurden überall abgemeldet. Melden Sie sich mit Ihrem neuen Passwort an.",
  "auth.reset.brokenTitle": "Dieser Link funktioniert nicht",
  "auth.reset.askAgain": "Neuen Link anfordern",
  "auth.reset.title": "Neues Passwort festlegen",
  "auth.reset.subtitle": "Damit werden Sie auf allen Geräten abgemeldet.",
  "auth.reset.newPassword": "Neues Passwort",
  "auth.reset.submit": "Passwort festlegen",
  "common.retry": "Erneut versuchen",
  "common.loading": "Wird geladen…",
  "errors.noConnectionTitle": "Keine Verbindung",
  "errors.noConnection":
    "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.",
  "errors.badReplyTitle": "Unerwartete Antwort",
  "errors.badReply":
    "Der Server hat in einer Form geantwortet, die diese App nicht versteht. Laden Sie die Seite neu.",
  "errors.serverProblem": "Auf dem Server ist ein Problem aufgetreten. Versuchen Sie es gleich noch einmal.",
  "errors.requestFailed": "Anfrage fehlgeschlagen ({status})",
  "errors.somethingWrong": "Etwas ist schiefgelaufen.",
  "common.dismiss": "Ausblenden",
  "common.loadingBoard": "Board wird geladen",
  "common.loadingCard": "Karte wird geladen",
  "common.loadingPage": "Wird geladen",
};
