"""The voice in Spanish: numbers in the right gender and form, whole translated phrases."""

from __future__ import annotations

import pytest

from hiptimer.core.routines.model import SideMode, Tempo
from hiptimer.core.voice.cue_script import cue_script
from hiptimer.core.voice.cue_words import dose_words
from hiptimer.core.voice.numbers import duration_words, number_words, spanish_words
from tests.harness import hold, reps, routine, self_paced, side_hold

pytestmark = pytest.mark.usefixtures("spanish")


@pytest.mark.parametrize(
    ("n", "form", "words"),
    [
        (0, "", "cero"),
        (1, "", "uno"),
        (1, "m", "un"),
        (1, "f", "una"),
        (16, "", "dieciséis"),
        (21, "", "veintiuno"),
        (21, "m", "veintiún"),
        (21, "f", "veintiuna"),
        (22, "", "veintidós"),
        (31, "f", "treinta y una"),
        (45, "", "cuarenta y cinco"),
        (100, "", "cien"),
        (101, "m", "ciento un"),
        (200, "f", "doscientas"),
        (500, "", "quinientos"),
        (999, "", "novecientos noventa y nueve"),
        (1000, "", "mil"),
        (1001, "", "mil uno"),
        (21000, "", "veintiún mil"),
        (21000, "f", "veintiuna mil"),
        (200_300, "f", "doscientas mil trescientas"),
    ],
)
def test_spanish_numbers(n: int, form: str, words: str) -> None:
    assert spanish_words(n, form) == words


def test_number_words_follow_the_language_in_use() -> None:
    assert number_words(21) == "veintiuno"
    with pytest.raises(ValueError):
        number_words(1_000_000)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0.1, "menos de un segundo"),
        (0.5, "medio segundo"),
        (1, "un segundo"),
        (1.5, "un segundo y medio"),
        (2.5, "dos segundos y medio"),
        (21, "veintiún segundos"),
        (60, "sesenta segundos"),
        (90, "un minuto treinta"),
        (120, "dos minutos"),
        (3600, "una hora"),
        (3661, "una hora, un minuto y un segundo"),
        (7260, "dos horas, un minuto"),
    ],
)
def test_spanish_durations(seconds: float, words: str) -> None:
    assert duration_words(seconds) == words


def test_a_dose_agrees_in_gender_and_number() -> None:
    assert dose_words(reps(n=1)) == "Una repetición."
    assert dose_words(reps(n=21)) == "Veintiuna repeticiones."
    alternating = reps(n=8, sides=SideMode.ALTERNATING, tempo=Tempo(1, 2, 1))
    assert dose_words(alternating) == (
        "Ocho repeticiones por lado, alternando; mantén dos segundos arriba."
    )
    assert dose_words(hold(hold_s=31)) == "Mantén treinta y un segundos."


def test_a_whole_session_speaks_spanish() -> None:
    slow = reps("sit-to-stand", 2, tempo=Tempo(2, 1, 2))
    script = cue_script(routine(side_hold(3, sets=2), self_paced(2), slow), pain_rating=2)
    texts = [text for _, text in script]
    said = "\n".join(texts)
    for phrase in (
        "Prepárate: Clamshell hold.",
        "Clamshell hold, lado derecho. Mantén tres segundos.",
        "Cambia al lado izquierdo.",
        "¿Cuánto dolor, de cero a diez?",
        "Pulsa Intro en cada repetición.",
        "Sube",
        "Baja",
    ):
        assert phrase in said
    assert texts[-1].startswith("¡Hecho! ")
    assert "Dolor máximo: dos." in texts[-1]
    # Only the routine's own texts (in English here) may hold English words.
    english = {"rest", "set", "side", "hold", "reps", "switch", "next", "ready", "pain", "press"}
    ours = [t for t in texts if not any(x in t for x in ("Lie on", "Keep your", "Squeeze"))]
    assert not [t for t in ours if english & _words_besides_names(t)]


def _words_besides_names(text: str) -> set[str]:
    for name in ("Clamshell hold", "Sit to stand", "Bridge"):
        text = text.replace(name, "")
    return set(text.lower().replace(",", " ").replace(".", " ").split())


@pytest.mark.parametrize("name", ["¡Rodillas juntas!", "¿Puente?"])
def test_a_name_in_exclamation_or_question_marks_takes_no_full_stop(name: str) -> None:
    texts = [said for _, said in cue_script(routine(hold("a", 5), hold("b", 5, 2, name=name)))]
    with_name = [t for t in texts if name in t]
    assert any(t.endswith(f"A continuación: {name}") for t in with_name), with_name
    assert any(t.startswith(f"{name} Mantén") for t in with_name), with_name
    assert not [t for t in with_name if f"{name}." in t]
