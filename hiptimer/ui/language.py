"""The window's language: gettext's catalog, Qt's own translations and QLocale's formats."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from hiptimer import i18n
from hiptimer.i18n import N_
from hiptimer.ui.key_words import shortcut_words
from hiptimer.ui.widgets.file_dialog_words import file_dialog_words

log = logging.getLogger(__name__)

LANGUAGE_NOTE = N_("A new language applies the next time HipTimer starts.")


def apply_language(app: QCoreApplication, setting: str = "") -> str:
    """Use the setting's language, or the system's when it is "" (LANG, LC_ALL, or the
    desktop's list that QLocale reads on Windows and macOS); returns the code in use.

    Numbers and dates then follow QLocale's default; Qt's own dialog buttons ("Cancel") come
    from the qtbase catalog that PySide6 ships, the keys its menus print and its file
    dialog's words from ours (below).
    A change takes effect at the next start.
    """
    system = QLocale.system()
    language = i18n.use(language_at_start(setting))
    # The system's region keeps its formats when its language is the one in use (es_MX).
    same = i18n.language_of(system.name()) == language
    QLocale.setDefault(system if same else QLocale(language))
    _install_qt_catalog(app, language)
    return language


def language_at_start(setting: str) -> str:
    """The language a start with this setting would use (apply_language's choice)."""
    return i18n.choose_language(setting, ui_languages=QLocale.system().uiLanguages())


# Qt's translation contexts whose words come from our catalog, by the English Qt writes.
OUR_WORDS = {
    "QShortcut": shortcut_words,  # QKeySequence::toString(NativeText) names keys in it
    "QFileDialog": file_dialog_words,
}


class _OurWords(QTranslator):
    """Gives Qt the words of our catalog for two of its contexts, and nothing else: the key
    names of the shortcuts its menus print (key_words.shortcut_words; Qt's Spanish catalog
    words them "Control+Q", "Mayúsculas", "Escape", where the key help, the buttons and the
    keyboards say "Ctrl+Q", "Mayús", "Esc"), and its file dialog's menu, buttons and
    questions (file_dialog_words). Installed last, so Qt asks it first:
    https://doc.qt.io/qt-6/qcoreapplication.html#installTranslator
    """

    # None is the null string that lets Qt ask the next catalog; "" would be a translation.
    # https://doc.qt.io/qt-6/qtranslator.html#translate
    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        words = OUR_WORDS.get(context)
        return words().get(source) if words is not None else None

    def isEmpty(self) -> bool:  # an empty translator is installed but never announced
        return False


def _install_qt_catalog(app: QCoreApplication, language: str) -> None:
    for old in app.findChildren(QTranslator, "hiptimer-qt"):
        QCoreApplication.removeTranslator(old)
        old.deleteLater()
    if language != i18n.DEFAULT_LANGUAGE:
        # Here, not at the top: its class costs 1.2 M instructions, for Qt's catalog folder only.
        from PySide6.QtCore import QLibraryInfo

        translator = QTranslator(app)
        translator.setObjectName("hiptimer-qt")
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{language}", folder):
            QCoreApplication.installTranslator(translator)
        else:  # (a warning: it reaches the log file, where a bug report about a bundle finds it)
            log.warning(
                "no Qt catalog qtbase_%s in %s: Qt's own buttons stay in English", language, folder
            )
        # (not for English: Qt's own key names are the key help's there, and no Python runs
        # in each of Qt's lookups)
        ours = _OurWords(app)
        ours.setObjectName("hiptimer-qt")
        QCoreApplication.installTranslator(ours)
