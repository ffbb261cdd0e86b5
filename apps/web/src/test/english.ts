/**
 * The web tests' setup: a wait long enough for a busy machine, and the English interface, both message tiers, in UTC, installed before each test
 * file, as the app installs a language before its first render. A test of another language installs
 * its own translator.
 */
import { configure } from "@testing-library/react";
import { useI18n } from "../lib/i18n/i18n";
import { createTranslator } from "../lib/i18n/runtime";

useI18n.setState({ translator: await createTranslator("en", "en", "UTC") });

// Tests wait on what the screen shows; on a shared, busy machine a lazily loaded part can take
// longer than Testing Library's 1 s default to appear, which is load, not a failure.
configure({ asyncUtilTimeout: 10_000 });
