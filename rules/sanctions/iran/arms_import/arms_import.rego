# METADATA
# title: Iran arms imports
# description: >-
#   No State may supply, sell or transfer to Iran battle tanks, armoured combat vehicles, large
#   calibre artillery systems, combat aircraft, attack helicopters, warships, missiles or missile
#   systems (the categories of the UN Register of Conventional Arms) or related materiel
#   (1929 (2010) 8), from 9 June 2010 until Implementation Day; from Implementation Day
#   (16 January 2016) until 18 October 2020, only with the Security Council's approval in advance,
#   case by case (2231 (2015) Annex B 5), which events do not show, so those findings need review;
#   from the re-application of the earlier resolutions on 28 September 2025 (the "snapback", which
#   Iran, the Russian Federation and China hold void: every such finding says so), 1929 (2010) 8
#   again. Fires on a transfer whose recipient is Iran, from a supplier that is not, when an item
#   falls in a Register category.
# scope: package
# custom:
#   id: IRAN-ARMS-IMPORT
#   category: arms_embargo
#   severity: high
#   citations:
#     - resolution: 1929 (2010)
#       paragraph: "8"
#       in_force: "2025-09-28"
#       direction: to_iran
#       covers: [register_arms]
#       summary: >-
#         Re-applied on 28 September 2025 under resolution 2231 (2015) 11-12: all States shall
#         prevent the direct or indirect supply, sale or transfer to Iran of any battle tanks,
#         armoured combat vehicles, large calibre artillery systems, combat aircraft, attack
#         helicopters, warships, missiles or missile systems as defined for the UN Register of
#         Conventional Arms, or related materiel, including spare parts.
#       url: https://docs.un.org/en/S/RES/1929(2010)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/additional-arms
#       contested:
#         by: Iran, the Russian Federation and China
#         note: >-
#           hold that the notification of 28 August 2025 under resolution 2231 (2015) 11 was
#           legally void, so that the measures of the earlier resolutions were not re-applied.
#         url: https://press.un.org/en/2025/sc16175.doc.htm
#     - resolution: 2231 (2015)
#       paragraph: Annex B 5
#       in_force: "2016-01-16"
#       until: "2020-10-17"
#       direction: to_iran
#       covers: [register_arms]
#       summary: >-
#         All States may participate in and permit the supply, sale or transfer to Iran of battle
#         tanks, armoured combat vehicles, large calibre artillery systems, combat aircraft,
#         attack helicopters, warships, missiles or missile systems as defined for the UN Register
#         of Conventional Arms, or related materiel, only if the Security Council decides in
#         advance, case by case, to approve it, until five years after JCPOA Adoption Day
#         (18 October 2015).
#       url: https://docs.un.org/en/S/RES/2231(2015)
#       confirmed: http://www.un.org/en/sc/2231/restrictions-arms.shtml
#       review: >-
#         Whether the Security Council approved the supply in advance (2231 (2015) Annex B 5) is
#         not shown: without that approval the supply was prohibited.
#     - resolution: 1929 (2010)
#       paragraph: "8"
#       in_force: "2010-06-09"
#       until: "2016-01-15"
#       direction: to_iran
#       covers: [register_arms]
#       summary: >-
#         All States shall prevent the direct or indirect supply, sale or transfer to Iran of any
#         battle tanks, armoured combat vehicles, large calibre artillery systems, combat aircraft,
#         attack helicopters, warships, missiles or missile systems as defined for the UN Register
#         of Conventional Arms, or related materiel, including spare parts (terminated on
#         Implementation Day under resolution 2231 (2015)).
#       url: https://docs.un.org/en/S/RES/1929(2010)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/additional-arms
package sanctions.iran.arms_import

import data.sanctions.iran.lib as iran
import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	"to_iran" in iran.directions
	not "from_iran" in iran.sure_directions
	arms := lib.cited_items(chain)
	count(arms) > 0
	f := iran.finding(rego.metadata.chain(), {
		"direction": "to_iran",
		"facts": [lib.supply_fact],
		"items": arms,
		"review": [],
	})
}

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
