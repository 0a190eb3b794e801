# METADATA
# title: Libya arms imports
# description: >-
#   All States must prevent the supply, sale or transfer to Libya of arms and related materiel of
#   all types, from or through their territories or by their nationals, or using their flag
#   vessels or aircraft (1970 (2011) 9), from 26 February 2011. Later resolutions let supplies to
#   the Government of Libya through with the 1970 Committee's approval or on notice to it: a
#   transfer to the Government therefore needs review (whether it was approved or notified is
#   not shown). Fires on a transfer whose recipient is Libya, a Libyan party, or goods bound for a
#   Libyan port, from a supplier that is not Libyan, when an item is arms or related materiel.
# scope: package
# custom:
#   id: LIBYA-ARMS-IMPORT
#   category: arms_embargo
#   severity: high
#   citations:
#     - resolution: 1970 (2011)
#       paragraph: "9"
#       in_force: "2011-02-26"
#       direction: to_libya
#       covers: [arms]
#       summary: >-
#         All Member States shall immediately take the necessary measures to prevent the direct or
#         indirect supply, sale or transfer to Libya, from or through their territories or by
#         their nationals, or using their flag vessels or aircraft, of arms and related materiel
#         of all types, including weapons and ammunition, military vehicles and equipment,
#         paramilitary equipment and spare parts.
#       url: https://docs.un.org/en/S/RES/1970(2011)
#       confirmed: http://gabrielhelou.blogspot.com/2011/05/un-security-council-resolution-1973-on.html
package sanctions.libya.arms_import

import data.sanctions.lib
import data.sanctions.libya.lib as libya

finding contains f if {
	input.type == "transfer"
	"to_libya" in libya.directions
	not "from_libya" in libya.sure_directions
	arms := lib.cited_items(chain)
	count(arms) > 0
	f := libya.finding(rego.metadata.chain(), {
		"direction": "to_libya",
		"facts": [lib.supply_fact],
		"items": arms,
		"review": government_review,
	})
}

# government_review: a supply to the Government of Libya may have been approved by, or notified
# to, the 1970 Committee, which events do not show.
government_review := ["The recipient is the Government of Libya: supplies to it may go ahead with the 1970 Committee's approval or on notice to it, and whether this one was approved or notified is not shown."] if {
	lib.recipient_country == "LY"
	lib.official(input.recipient)
} else := []

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
