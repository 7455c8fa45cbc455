"""What the e-mails say besides their editable templates (`modeles/courriel-*.txt`): the value a placeholder
takes when the plan or the form leaves it empty, and how the lists they carry are written."""

from __future__ import annotations

# {echeance}, {municipalite}, {responsable} when the form or the plan says nothing
NO_DEADLINE = "la date convenue"
NO_MUNICIPALITY = "la municipalité"
NO_PERSON = "à l'équipe du service"
# {a_faire}: a correction e-mail is headed as its workbook is (forms/texts.py)
TO_FIX, TO_COMPLETE = "À corriger", "À compléter"
# {problemes} and {resume}: one line each, as a list (compose.as_html makes it one in HTML)
PROBLEM_AT_CELL = "- cellule {cell} : {problem}"
PROBLEM = "- {problem}"
SUMMARY_LINE = "- {line}"
