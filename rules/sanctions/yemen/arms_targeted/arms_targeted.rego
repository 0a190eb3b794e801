# METADATA
# title: Arms to the Houthis and other designated parties in Yemen
# description: >-
#   All States must prevent the supply, sale or transfer of arms and related materiel to, or for
#   the benefit of, the individuals and entities designated by the 2140 Committee (and those that
#   resolution 2216 (2015) names) and those acting on their behalf or at their direction in Yemen
#   (2216 (2015) 14). Since resolution 2624 (2022) of 28 February 2022 the Houthis as a group are
#   subject to these measures; before it, a transfer to Houthi forces needs review: whether they
#   acted on behalf of a designated leader is not shown. Fires on a transfer of arms whose
#   recipient or end user is the Houthis, a party designated under the Yemen regime, or a
#   recipient in Yemen nobody names (for review). A transfer to Yemen's government is not reached.
# scope: package
# custom:
#   id: YEMEN-ARMS-TARGETED
#   category: arms_embargo
#   severity: high
#   citations:
#     - resolution: 2216 (2015)
#       paragraph: "14"
#       in_force: "2022-02-28"
#       measure: houthis
#       covers: [arms]
#       summary: >-
#         All Member States shall prevent the direct or indirect supply, sale or transfer to, or
#         for the benefit of, the individuals and entities designated by the 2140 Committee and
#         those acting on their behalf or at their direction in Yemen, of arms and related
#         materiel of all types; since resolution 2624 (2022) 5 of 28 February 2022 the Houthis, as
#         an entity, are subject to these measures.
#       url: https://docs.un.org/en/S/RES/2216(2015)
#       confirmed: gilbertbouic/Mkweli:data/un_consolidated.xml
#     - resolution: 2216 (2015)
#       paragraph: "14"
#       in_force: "2015-04-14"
#       until: "2022-02-27"
#       measure: houthis
#       covers: [arms]
#       summary: >-
#         All Member States shall prevent the direct or indirect supply, sale or transfer to, or
#         for the benefit of, the individuals and entities designated by the 2140 Committee
#         (among them, from 14 April 2015, the Houthi leader Abdulmalik al-Houthi) and those
#         acting on their behalf or at their direction in Yemen, of arms and related materiel of
#         all types.
#       url: https://docs.un.org/en/S/RES/2216(2015)
#       confirmed: gilbertbouic/Mkweli:data/un_consolidated.xml
#       review: >-
#         Before resolution 2624 (2022) the Houthis as a group were not designated: whether the
#         recipients acted on behalf of, or at the direction of, a designated individual (such as
#         Abdulmalik al-Houthi) is not shown.
#     - resolution: 2216 (2015)
#       paragraph: "14"
#       in_force: "2015-04-14"
#       measure: designated
#       covers: [arms]
#       summary: >-
#         All Member States shall prevent the direct or indirect supply, sale or transfer to, or
#         for the benefit of, the individuals and entities designated by the 2140 Committee and
#         those acting on their behalf or at their direction in Yemen, of arms and related
#         materiel of all types.
#       url: https://docs.un.org/en/S/RES/2216(2015)
#       confirmed: gilbertbouic/Mkweli:data/un_consolidated.xml
#     - resolution: 2216 (2015)
#       paragraph: "14"
#       in_force: "2015-04-14"
#       measure: unplaced_in_yemen
#       covers: [arms]
#       summary: >-
#         All Member States shall prevent the direct or indirect supply, sale or transfer to, or
#         for the benefit of, the individuals and entities designated by the 2140 Committee, the
#         Houthis since resolution 2624 (2022), and those acting on their behalf or at their
#         direction in Yemen, of arms and related materiel of all types.
#       url: https://docs.un.org/en/S/RES/2216(2015)
#       confirmed: gilbertbouic/Mkweli:data/un_consolidated.xml
#       review: >-
#         Who received the arms in Yemen is not stated: whether it is the Houthis, a designated
#         individual or entity, or one acting on their behalf, is unknown.
package sanctions.yemen.arms_targeted

import data.sanctions.lib
import data.sanctions.yemen.lib as yemen

finding contains f if {
	input.type == "transfer"
	count(yemen.recipients) > 0
	arms := lib.cited_items(chain)
	count(arms) > 0
	f := yemen.finding(rego.metadata.chain(), {
		"facts": array.concat([lib.supply_fact], sort({yemen.recipient_fact(r) | some r in yemen.recipients})),
		"items": arms,
		"measures": {r.measure | some r in yemen.recipients},
		"review": [],
	})
}

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
