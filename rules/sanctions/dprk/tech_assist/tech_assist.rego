# METADATA
# title: Technical assistance to or from the DPRK
# description: >-
#   No State may let technical training, advice, services or assistance pass to or from the DPRK
#   when it relates to the provision, manufacture, maintenance or use of arms or of the items of
#   the DPRK's nuclear, ballistic missile and other WMD programmes (1718 (2006) 8(c)), extended
#   to all arms and related materiel (1874 (2009) 9 and 10; 2270 (2016) 6). Fires on technical
#   assistance supplied by or to the DPRK when its subject is arms, military know-how or
#   programme items; a subject that is missing or that the taxonomy cannot place makes the
#   finding needs_review. Military personnel the DPRK deploys abroad may give such services
#   (training, maintenance, use of arms): a deployment from the DPRK needs review.
# scope: package
# custom:
#   id: DPRK-TECH-ASSIST
#   category: technical_assistance
#   severity: high
#   citations:
#     - resolution: 2270 (2016)
#       paragraph: "6"
#       in_force: "2016-03-02"
#       direction: to_dprk
#       covers: [arms, military_know_how]
#       summary: >-
#         The measures of 1718 (2006) 8(a) also apply to all arms and related materiel, including
#         small arms and light weapons, and to related financial transactions, technical training,
#         advice, services or assistance.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 1874 (2009)
#       paragraph: "10"
#       in_force: "2009-06-12"
#       direction: to_dprk
#       covers: [arms, military_know_how]
#       excludes: [salw]
#       summary: >-
#         The measures of 1718 (2006) 8(a) also apply to all arms and related materiel except
#         small arms and light weapons, and to related financial transactions, technical training,
#         advice, services or assistance.
#       url: https://docs.un.org/en/S/RES/1874(2009)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/additional-arms
#     - resolution: 1874 (2009)
#       paragraph: "9"
#       in_force: "2009-06-12"
#       direction: from_dprk
#       covers: [arms, military_know_how]
#       summary: >-
#         The measures of 1718 (2006) 8(b) also apply to all arms and related materiel, and to
#         financial transactions, technical training, advice, services or assistance related to
#         the provision, manufacture, maintenance or use of such arms or materiel.
#       url: https://docs.un.org/en/S/RES/1874(2009)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 1718 (2006)
#       paragraph: 8(c)
#       in_force: "2006-10-14"
#       covers: [register_arms, wmd_missile]
#       summary: >-
#         All Member States shall prevent any transfers to the DPRK by their nationals or from
#         their territories, or from the DPRK by its nationals or from its territory, of technical
#         training, advice, services or assistance related to the provision, manufacture,
#         maintenance or use of the items in 8(a)(i) and 8(a)(ii).
#       url: https://docs.un.org/en/S/RES/1718(2006)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.dprk.tech_assist

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

# What the assistance relates to: the items the citations cover (arms, military know-how, nuclear
# and ballistic missile items), else what the taxonomy cannot place, for review.
finding contains f if {
	input.type == "technical_assistance"
	count(dprk.directions) > 0
	subjects := lib.cited_or_unplaced(
		chain,
		"What the assistance relates to is unknown; if it relates to arms or to nuclear or ballistic missile items, the prohibition applies.",
	)
	f := dprk.finding(rego.metadata.chain(), object.union(subjects, {"direction": "any", "facts": [lib.supply_fact]}))
}

# A deployment of DPRK military personnel abroad: they may provide services related to arms.
finding contains f if {
	input.type == "deployment"
	"from_dprk" in dprk.directions
	not "to_dprk" in dprk.sure_directions
	f := dprk.finding(rego.metadata.chain(), {
		"direction": "from_dprk",
		"facts": [sprintf("The DPRK deployed personnel to %s.", [lib.recipient_label])],
		"items": lib.cited_items(chain),
		"categories": lib.group_categories("arms"),
		"review": ["Whether the deployed personnel gave technical training, advice, services or assistance related to arms is not established."],
	})
}

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
