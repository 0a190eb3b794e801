# METADATA
# title: Scientific and technical cooperation with the DPRK
# description: >-
#   All States must suspend scientific and technical cooperation involving persons or groups
#   officially sponsored by or representing the DPRK, except medical exchanges, unless the 1718
#   Committee approves it case by case (nuclear science, aerospace and aeronautical engineering,
#   advanced manufacturing) or the State notifies the Committee in advance (other fields)
#   (2321 (2016) 11). Fires on cooperation with a DPRK state body in a scientific or technical
#   field; a DPRK participant whose sponsorship is not stated, or a field that is not stated,
#   makes the finding needs_review. Medical exchanges, cooperation whose subject the taxonomy
#   places outside science and technology, and joint ventures (DPRK-JOINT-VENTURES) are not
#   flagged here.
# scope: package
# custom:
#   id: DPRK-SCI-TECH-COOP
#   category: scientific_cooperation
#   severity: medium
#   citations:
#     - resolution: 2321 (2016)
#       paragraph: "11"
#       in_force: "2016-11-30"
#       summary: >-
#         All Member States shall suspend scientific and technical cooperation involving persons
#         or groups officially sponsored by or representing the DPRK, except medical exchanges,
#         unless the Committee determines case by case that an activity in nuclear science and
#         technology, aerospace and aeronautical engineering and technology, or advanced
#         manufacturing will not contribute to the DPRK's proliferation-sensitive nuclear
#         activities or ballistic missile programmes, or, in other fields, the State so determines
#         and notifies the Committee in advance.
#       url: https://docs.un.org/en/S/RES/2321(2016)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.dprk.sci_tech_coop

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

official_kinds := {"state", "state_entity", "international_org"}

# official: a DPRK party that is the State or one of its bodies.
official contains lib.label(p.party) if {
	some p in dprk.parties
	lib.kind(p.party) in official_kinds
}

# unclear: DPRK participants whose official sponsorship the event does not state.
unclear contains lib.label(p.party) if {
	some p in dprk.parties
	not lib.kind(p.party) in official_kinds
}

fields := lib.items_in_group("scientific_technical")

medical if {
	some it in lib.items
	"humanitarian_goods" in it.categories
}

medical if "medical" in input.tags

# non_scientific: the event names what the cooperation is about, and none of it is scientific or
# technical.
non_scientific if {
	count(lib.items) > 0
	count(lib.unplaced_items) == 0
	count(fields) == 0
}

joint_venture if {
	some t in input.tags
	t in {"joint-venture", "joint_venture", "jv"}
}

joint_venture if contains(lib.padded_summary, " joint venture ")

finding contains f if {
	input.type == "cooperation"
	not medical
	not non_scientific
	not joint_venture
	count(official) + count(unclear) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"facts": array.concat(participant_facts, field_facts),
		"items": fields,
		"review": array.concat(participant_review, field_review),
	})
}

participant_facts := [sprintf("The cooperation involves %s, officially representing the DPRK.", [lib.join_and([x | some x in official])])] if {
	count(official) > 0
} else := []

participant_review := [] if {
	count(official) > 0
} else := [sprintf(
	"The event does not say whether %s is officially sponsored by or representing the DPRK.",
	[lib.join_and([x | some x in unclear])],
)]

field_facts := ["The field is one where only the Committee, case by case, may allow cooperation."] if {
	some it in fields
	lib.item_in_group(it, "sensitive_fields")
} else := []

field_review := [] if {
	count(fields) > 0
} else := ["The event does not say that the cooperation is scientific or technical, nor in which field."]
