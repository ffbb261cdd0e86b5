/**
 * The web tests' setup: the English interface, both message tiers, in UTC, installed before each test
 * file, as the app installs a language before its first render. A test of another language installs
 * its own translator.
 */
import { useI18n } from "../lib/i18n/i18n";
import { createTranslator } from "../lib/i18n/runtime";

useI18n.setState({ translator: await createTranslator("en", "en", "UTC") });
