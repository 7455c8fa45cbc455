"""Write modeles/plan-exemple.xlsx, the plan of a fictional municipality used by `demo`.

Run: python scripts/plan_exemple.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from suivi_excel.plan.template import write_plan  # noqa: E402

LOISIRS = "Service des loisirs, de la culture et de la vie communautaire"
TP = "Service des travaux publics"
URBA = "Service de l'urbanisme, de l'habitation et du développement durable"
COMM = "Service des communications et des relations avec les citoyens"
BIBLIO = "Bibliothèque municipale Gabrielle-Roy"
INCENDIE = "Service de sécurité incendie"
DG = "Direction générale"
ENVIRO = "Service de l'environnement et des parcs"

SERVICES = [
    {"Service": LOISIRS, "Responsable": "Geneviève Tremblay", "Courriel": "loisirs@val-des-erables.qc.ca"},
    {"Service": TP, "Responsable": "Marc-André Gagnon", "Courriel": "travaux.publics@val-des-erables.qc.ca"},
    {"Service": URBA, "Responsable": "Sophie Bélanger", "Courriel": "urbanisme@val-des-erables.qc.ca"},
    {"Service": COMM, "Responsable": "Julie Côté", "Courriel": "communications@val-des-erables.qc.ca"},
    {"Service": BIBLIO, "Responsable": "François Lévesque", "Courriel": "bibliotheque@val-des-erables.qc.ca"},
    {"Service": INCENDIE, "Responsable": "Éric Bouchard", "Courriel": "incendie@val-des-erables.qc.ca"},
    {"Service": DG, "Responsable": "Nathalie Roy", "Courriel": "dg@val-des-erables.qc.ca"},
    {"Service": ENVIRO, "Responsable": "Olivier Morin", "Courriel": ""},
]

A1 = "Aménagement du territoire et habitation"
A2 = "Transport et mobilité"
A3 = "Loisirs, culture et vie communautaire"
A4 = "Sécurité"
A5 = "Santé, environnement et services de proximité"
A6 = "Information, communication et participation citoyenne"

# No, axe, objectif, action, service, partenaires, début, fin, budget, indicateur, cible, clientèle, priorité
ROWS = [
    ("1.1", A1, "Favoriser l'accès à un logement abordable", "Adopter un règlement favorisant les logements "
     "intergénérationnels dans les zones résidentielles", URBA, "", 2025, 2026, 5000,
     "Règlement adopté", "Adoption par le conseil", "Familles et aînés", "Haute"),
    ("1.2", A1, "Favoriser l'accès à un logement abordable", "Réaliser un portrait des besoins en logement "
     "des aînés et des jeunes familles", URBA, "Office municipal d'habitation", 2025, 2025, 12000,
     "Portrait déposé", "1 portrait", "Familles et aînés", "Haute"),
    ("1.3", A1, "Favoriser l'accès à un logement abordable", "Soutenir un projet de résidence communautaire "
     "pour aînés autonomes", DG, "Coopérative d'habitation L'Érablière", 2026, 2028, 150000,
     "Nombre d'unités construites", "24 unités", "Aînés", "Moyenne"),
    ("1.4", A1, "Aménager des milieux de vie conviviaux", "Installer du mobilier urbain adapté (bancs avec "
     "accoudoirs) le long des parcours piétons", TP, "", 2025, 2027, 45000,
     "Nombre de bancs installés", "40 bancs", "Aînés", "Moyenne"),
    ("1.5", A1, "Aménager des milieux de vie conviviaux", "Prévoir des aires de jeux et de repos dans tout "
     "nouveau projet domiciliaire", URBA, "Promoteurs immobiliers", 2025, 2028, None,
     "Projets conformes", "100 % des projets", "Familles", "Basse"),
    ("1.6", A1, "Aménager des milieux de vie conviviaux", "Créer un programme de subvention pour "
     "l'adaptation des domiciles", URBA, "Société d'habitation du Québec", 2026, 2027, 60000,
     "Subventions accordées", "30 ménages", "Aînés", "Moyenne"),
    ("2.1", A2, "Rendre les déplacements actifs sécuritaires", "Prolonger le réseau de trottoirs vers "
     "l'école primaire des Cèdres", TP, "Centre de services scolaire", 2025, 2026, 320000,
     "Mètres de trottoir construits", "800 m", "Familles", "Haute"),
    ("2.2", A2, "Rendre les déplacements actifs sécuritaires", "Allonger le temps de traversée aux feux "
     "piétons près des résidences pour aînés", TP, "Ministère des Transports", 2025, 2025, 8000,
     "Intersections ajustées", "6 intersections", "Aînés", "Haute"),
    ("2.3", A2, "Rendre les déplacements actifs sécuritaires", "Déneiger en priorité les trottoirs menant "
     "aux services de santé", TP, "", 2025, 2028, 20000, "Plaintes reçues", "Baisse de 50 %",
     "Aînés", "Haute"),
    ("2.4", A2, "Offrir des solutions de transport", "Mettre sur pied un service de transport collectif "
     "sur demande vers le centre-ville", DG, "MRC, Transport adapté Val-Nord", 2026, 2028, 90000,
     "Déplacements effectués", "3 000 par an", "Familles et aînés", "Haute"),
    ("2.5", A2, "Offrir des solutions de transport", "Publier une carte des trajets cyclables et piétons",
     COMM, "Vélo Québec", 2025, 2026, 4500, "Cartes distribuées", "5 000 cartes", "Familles", "Basse"),
    ("2.6", A2, "Offrir des solutions de transport", "Installer des supports à vélo près des parcs et "
     "des écoles", TP, "", 2025, 2026, 15000, "Supports installés", "25 supports", "Familles", "Basse"),
    ("3.1", A3, "Diversifier l'offre de loisirs", "Offrir une programmation estivale gratuite dans les "
     "parcs de quartier", LOISIRS, "Maison des jeunes La Relève", 2025, 2028, 25000,
     "Activités offertes", "20 activités par été", "Familles", "Haute"),
    ("3.2", A3, "Diversifier l'offre de loisirs", "Créer des cours d'activité physique adaptés aux 65 ans "
     "et plus", LOISIRS, "FADOQ — Club de Val-des-Érables", 2025, 2026, 9000,
     "Participants inscrits", "120 participants", "Aînés", "Moyenne"),
    ("3.3", A3, "Diversifier l'offre de loisirs", "Tenir une fête familiale annuelle au parc du Moulin",
     LOISIRS, "Chambre de commerce", 2025, 2028, 18000, "Participants", "2 000 personnes",
     "Familles", "Moyenne"),
    ("3.4", A3, "Diversifier l'offre de loisirs", "Réduire les frais d'inscription pour le deuxième enfant "
     "d'une même famille", LOISIRS, "", 2025, 2025, 12000, "Familles bénéficiaires",
     "150 familles", "Familles", "Haute"),
    ("3.5", A3, "Soutenir la vie communautaire", "Mettre un local à la disposition des organismes d'aînés",
     LOISIRS, "Centre d'action bénévole", 2026, 2026, 7000, "Heures d'utilisation", "500 h par an",
     "Aînés", "Moyenne"),
    ("3.6", A3, "Soutenir la vie communautaire", "Reconnaître chaque année les bénévoles lors d'une "
     "soirée hommage", DG, "Centre d'action bénévole", 2025, 2028, 6000, "Bénévoles honorés",
     "50 bénévoles", "Familles et aînés", "Basse"),
    ("3.7", A3, "Rendre la culture accessible", "Offrir l'heure du conte en famille le samedi matin",
     BIBLIO, "", 2025, 2028, 3000, "Séances tenues", "35 séances par an", "Familles", "Moyenne"),
    ("3.8", A3, "Rendre la culture accessible", "Livrer des livres à domicile aux personnes à mobilité "
     "réduite", BIBLIO, "Popote roulante", 2025, 2026, 4000, "Abonnés desservis", "40 abonnés",
     "Aînés", "Moyenne"),
    ("3.9", A3, "Rendre la culture accessible", "Organiser des ateliers d'initiation au numérique pour "
     "aînés", BIBLIO, "Carrefour jeunesse-emploi", 2025, 2027, 5000, "Ateliers offerts",
     "12 ateliers par an", "Aînés", "Haute"),
    ("3.10", A3, "Rendre la culture accessible", "Prêter des trousses de jeux et d'instruments de "
     "musique", BIBLIO, "", 2026, 2027, 6500, "Prêts réalisés", "300 prêts", "Familles", "Basse"),
    ("3.11", A3, "Rendre la culture accessible", "Présenter des spectacles extérieurs gratuits dans les "
     "quartiers", LOISIRS, "Diffusion culturelle régionale", 2025, 2028, 30000,
     "Spectacles présentés", "8 par an", "Familles et aînés", "Moyenne"),
    ("4.1", A4, "Prévenir les incendies et les chutes", "Visiter à domicile les aînés vivant seuls pour "
     "vérifier les avertisseurs de fumée", INCENDIE, "CLSC", 2025, 2026, 10000,
     "Visites réalisées", "400 visites", "Aînés", "Haute"),
    ("4.2", A4, "Prévenir les incendies et les chutes", "Distribuer des trousses de prévention des chutes",
     INCENDIE, "CISSS, pharmacies", 2025, 2025, 3500, "Trousses remises", "250 trousses", "Aînés",
     "Moyenne"),
    ("4.3", A4, "Prévenir les incendies et les chutes", "Tenir une journée portes ouvertes à la caserne "
     "pour les familles", INCENDIE, "", 2025, 2028, 2500, "Visiteurs", "600 visiteurs", "Familles",
     "Basse"),
    ("4.4", A4, "Renforcer le sentiment de sécurité", "Améliorer l'éclairage des sentiers et des parcs",
     TP, "Hydro-Québec", 2025, 2027, 80000, "Lampadaires ajoutés", "60 lampadaires",
     "Familles et aînés", "Haute"),
    ("4.5", A4, "Renforcer le sentiment de sécurité", "Créer un registre volontaire des personnes "
     "vulnérables en cas de sinistre", INCENDIE, "Sécurité civile", 2026, 2026, 2000,
     "Personnes inscrites", "150 personnes", "Aînés", "Haute"),
    ("4.6", A4, "Renforcer le sentiment de sécurité", "Implanter des zones de 30 km/h autour des parcs et "
     "des écoles", TP, "Sûreté du Québec", 2025, 2025, 22000, "Zones implantées", "9 zones",
     "Familles", "Haute"),
    ("5.1", A5, "Favoriser de saines habitudes de vie", "Aménager des jardins communautaires "
     "intergénérationnels", ENVIRO, "Les Jardins du Val", 2025, 2026, 35000, "Lots cultivés",
     "60 lots", "Familles et aînés", "Moyenne"),
    ("5.2", A5, "Favoriser de saines habitudes de vie", "Installer des fontaines d'eau dans les parcs",
     ENVIRO, "", 2025, 2027, 28000, "Fontaines installées", "8 fontaines", "Familles", "Basse"),
    ("5.3", A5, "Favoriser de saines habitudes de vie", "Aménager un parcours d'exercice pour aînés au "
     "parc Riverain", ENVIRO, "Kinésiologues du CISSS", 2026, 2027, 55000, "Parcours aménagé",
     "1 parcours de 10 stations", "Aînés", "Moyenne"),
    ("5.4", A5, "Rapprocher les services", "Accueillir une clinique de vaccination mobile deux fois par "
     "année", DG, "CISSS", 2025, 2028, 1500, "Cliniques tenues", "2 par an", "Familles et aînés",
     "Moyenne"),
    ("5.5", A5, "Rapprocher les services", "Offrir des couches lavables subventionnées aux nouveaux "
     "parents", ENVIRO, "", 2025, 2028, 8000, "Familles bénéficiaires", "80 familles", "Familles",
     "Basse"),
    ("5.6", A5, "Rapprocher les services", "Planter des arbres fruitiers dans les parcs de quartier",
     ENVIRO, "Arbres Canada", 2026, 2028, 12000, "Arbres plantés", "150 arbres", "Familles", "Basse"),
    ("5.7", A5, "Rapprocher les services", "Soutenir la popote roulante par une aide financière "
     "annuelle", DG, "Popote roulante", 2025, 2028, 20000, "Repas livrés", "6 000 repas par an",
     "Aînés", "Haute"),
    ("6.1", A6, "Mieux informer les familles et les aînés", "Publier un bottin des ressources pour les "
     "familles et les aînés", COMM, "Organismes du milieu", 2025, 2025, 9000, "Exemplaires distribués",
     "4 000 exemplaires", "Familles et aînés", "Haute"),
    ("6.2", A6, "Mieux informer les familles et les aînés", "Réserver une page « Familles et aînés » dans "
     "le bulletin municipal", COMM, "", 2025, 2028, None, "Numéros avec la page", "Tous les numéros",
     "Familles et aînés", "Moyenne"),
    ("6.3", A6, "Mieux informer les familles et les aînés", "Rendre le site Web conforme aux normes "
     "d'accessibilité", COMM, "Firme Web", 2026, 2027, 40000, "Conformité", "Norme SGQRI 008",
     "Aînés", "Moyenne"),
    ("6.4", A6, "Faire participer les citoyens", "Tenir une consultation annuelle du comité de suivi "
     "PFM-MADA", DG, "Comité de suivi", 2025, 2028, 3000, "Consultations tenues", "1 par an",
     "Familles et aînés", "Haute"),
    ("6.5", A6, "Faire participer les citoyens", "Accueillir les nouveaux résidents avec une trousse "
     "d'information", COMM, "Commerçants locaux", 2025, 2028, 7500, "Trousses remises",
     "200 par an", "Familles", "Basse"),
    ("6.6", A6, "Faire participer les citoyens", "Créer un conseil municipal des jeunes", LOISIRS,
     "École secondaire du Val", 2026, 2027, 5000, "Jeunes élus", "12 jeunes", "Familles", "Moyenne"),
    ("6.7", A6, "Faire participer les citoyens", "Diffuser le bilan annuel du plan d'action sur le site "
     "Web et en version papier", COMM, "", 2025, 2028, 1500, "Bilans publiés", "1 par an",
     "Familles et aînés", "Moyenne"),
]

HEADERS = ("No", "Axe", "Objectif", "Action", "Service responsable", "Partenaires", "Début", "Fin",
           "Budget prévu ($)", "Indicateur", "Cible", "Clientèle", "Priorité")
PARAMETERS = {
    "Municipalité": "Ville de Val-des-Érables",
    "Titre du plan": "Politique des familles et des aînés — plan d'action 2025-2028",
    "Coordonnateur": "Catherine Ouellet, chargée de projet PFM-MADA",
    "Courriel du coordonnateur": "pfm-mada@val-des-erables.qc.ca",
}


def main() -> None:
    target = Path(__file__).resolve().parents[1] / "modeles" / "plan-exemple.xlsx"
    actions = [dict(zip(HEADERS, row)) for row in ROWS]
    write_plan(target, actions, SERVICES, PARAMETERS, extra_columns=("Clientèle", "Priorité"))
    print(f"{target} : {len(actions)} actions, {len(SERVICES)} services, "
          f"{len({r[1] for r in ROWS})} axes")


if __name__ == "__main__":
    main()
