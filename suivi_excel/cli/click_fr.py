"""French for the messages click writes itself (usage, help, errors).

click looks its strings up through `gettext` bound as `_` in each of its
modules; `install()` rebinds that name to a lookup in the table below, so
any string not listed simply stays in English.
"""

from __future__ import annotations

import gettext
import sys

FRENCH = {
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Commands": "Commandes",
    "Show this message and exit.": "Afficher cette aide et quitter.",
    "Show the version and exit.": "Afficher la version et quitter.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Faites « {command} {option} » pour obtenir de l'aide.",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing command.": "Commande manquante.",
    "Missing {param_type}": "{param_type} manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "No such command {name!r}.": "Commande {name!r} inconnue.",
    "No such option: {name}": "Option inconnue : {name}",
    "No such option {name!r}.": "Option {name!r} inconnue.",
    "Did you mean {possibility}?": "Vouliez-vous dire {possibility} ?",
    "(Possible options: {possibilities})": "(options possibles : {possibilities})",
    "Option {name!r} requires an argument.": "L'option {name!r} demande une valeur.",
    "Option {name!r} requires {nargs} arguments.": "L'option {name!r} demande {nargs} valeurs.",
    "Got unexpected extra argument ({args})": "Argument en trop ({args})",
    "Got unexpected extra arguments ({args})": "Arguments en trop ({args})",
    "{name} {filename!r} does not exist.": "{name} {filename!r} introuvable.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} est un dossier.",
    "{name} {filename!r} is a file.": "{name} {filename!r} est un fichier.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} n'est pas lisible.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} n'est pas modifiable.",
    "file": "fichier", "directory": "dossier", "path": "chemin",
    "File": "Fichier", "Directory": "Dossier", "Path": "Chemin",
    "{value!r} is not a valid {number_type}.": "{value!r} n'est pas un nombre valide.",
    "{value} is not in the range {range}.": "valeur hors des valeurs permises : {range}.",
    "Aborted!": "Interrompu.",
    "default: {default}": "par défaut : {default}",
    "required": "obligatoire",
    "env var: {var}": "variable d'environnement : {var}",
    "{value!r} is not {choice}.": "{value!r} n'est pas {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} n'est pas parmi {choices}.",
}


def _french(message: str) -> str:
    return FRENCH.get(message, message)


def _french_plural(singular: str, plural: str, count: int) -> str:
    return _french(singular if count == 1 else plural)


# the names click shows, upper-cased, for an option without a metavar of its own (`--x TEXT`)
TYPE_NAMES = {"StringParamType": "texte", "UnprocessedParamType": "texte", "IntParamType": "entier",
              "IntRange": "entier", "FloatParamType": "nombre", "FloatRange": "nombre", "BoolParamType": "oui/non",
              "UUIDParameterType": "identifiant", "DateTime": "date"}


def _number(value: float) -> str:
    return str(value).replace(".", ",")


def _french_range(self) -> str:
    """A range as French says it (« de 2000 à 2100 », « 0,1 ou plus »), not click's « 2000<=x<=2100 »."""
    low, high = self.min, self.max
    if low is None:
        return f"moins de {_number(high)}" if self.max_open else f"{_number(high)} ou moins"
    if high is None:
        return f"plus de {_number(low)}" if self.min_open else f"{_number(low)} ou plus"
    return f"de {_number(low)} à {_number(high)}"


def _decimal_comma(convert):
    """A number typed the French way (`0,5`) is read as `0.5`."""

    def french(self, value, param, ctx):
        return convert(self, value.replace(",", ".") if isinstance(value, str) else value, param, ctx)

    return french


def install() -> None:
    """Rebind click's `_`/`ngettext` in every click module already imported, and name its types in French."""
    import click.types

    click.types._NumberRangeBase._describe_range = _french_range
    click.types.FloatParamType.convert = _decimal_comma(click.types.FloatParamType.convert)

    for name, french in TYPE_NAMES.items():
        kind = getattr(click.types, name, None)
        if kind is not None:
            kind.name = french
    for name, module in list(sys.modules.items()):
        if not name.startswith("click") or module is None:
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _french
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _french_plural
