# METADATA
# title: Refined petroleum and crude oil to the DPRK, over the caps
# description: >-
#   States may supply refined petroleum products to the DPRK only when each delivery is notified
#   to the Committee and all States together stay within 500,000 barrels a year (2375 (2017) for
#   October to December 2017; 2397 (2017) 5 from 2018), and crude oil only within 4 million
#   barrels or 525,000 tonnes a year (2397 (2017) 4). One event cannot show the year's total, so:
#   a delivery that by itself exceeds the cap is a possible violation; a delivery within it, not
#   notified, needs review; a delivery without a quantity, or in a unit the units table does not
#   know, needs review and is never guessed. A delivery tagged `notified` (notified to the
#   Committee) and within the cap is lawful and not flagged.
# scope: package
# custom:
#   id: DPRK-PETROLEUM-CAP
#   category: sectoral
#   severity: high
#   citations:
#     - resolution: 2397 (2017)
#       paragraph: "5"
#       in_force: "2017-12-22"
#       measure: refined
#       summary: >-
#         All Member States shall prohibit the direct or indirect supply, sale or transfer to the
#         DPRK of all refined petroleum products, unless the State notifies the Committee every
#         thirty days of the amount supplied, and the aggregate for all States does not exceed
#         500,000 barrels in a twelve-month period (from 1 January 2018, and each year after).
#       url: https://docs.un.org/en/S/RES/2397(2017)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2375 (2017)
#       paragraph: "14"
#       in_force: "2017-09-11"
#       until: "2017-12-21"
#       measure: refined
#       summary: >-
#         Refined petroleum products may be supplied to the DPRK only when notified to the
#         Committee and within 500,000 barrels for October to December 2017 (and 2,000,000 barrels
#         a year from 2018, a cap that 2397 (2017) lowered).
#       url: https://docs.un.org/en/S/RES/2375(2017)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2397 (2017)
#       paragraph: "4"
#       in_force: "2017-12-22"
#       measure: crude
#       summary: >-
#         All Member States shall not supply, sell or transfer to the DPRK crude oil in excess of
#         4 million barrels or 525,000 tons in the aggregate in any twelve-month period, and shall
#         report the amounts supplied to the Committee every 90 days.
#       url: https://docs.un.org/en/S/RES/2397(2017)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2375 (2017)
#       paragraph: "15"
#       in_force: "2017-09-11"
#       until: "2017-12-21"
#       measure: crude
#       summary: >-
#         No State shall supply, sell or transfer to the DPRK in any twelve months more crude oil
#         than it supplied in the twelve months before the resolution's adoption.
#       url: https://docs.un.org/en/S/RES/2375(2017)
#       note: paragraph number not yet confirmed against the resolution text
#       review: Whether the supplier exceeded the crude oil it supplied in the twelve months before September 2017 is not established.
package sanctions.dprk.petroleum_cap

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

# caps per product: in barrels, and for crude oil also in tonnes.
caps := {
	"refined_petroleum": {"measure": "refined", "barrels": 500000},
	"crude_oil": {"measure": "crude", "barrels": 4000000, "tonnes": 525000},
}

deliveries := [it | some it in lib.items; some c in it.categories; caps[c]]

finding contains f if {
	input.type == "transfer"
	"to_dprk" in dprk.directions
	not "from_dprk" in dprk.sure_directions
	count(deliveries) > 0
	not within_and_notified
	f := dprk.finding(rego.metadata.chain(), {
		"direction": "to_dprk",
		"facts": array.concat([lib.supply_fact], [fact | some j in judged; fact := j.fact; fact != ""]),
		"items": deliveries,
		"measures": {caps[c].measure | some it in deliveries; some c in it.categories; caps[c]},
		"review": review,
	})
}

# judged: each capped item of the event, compared with its cap.
judged := [judge(it, c) | some it in deliveries; some c in it.categories; caps[c]]

review := [] if {
	some j in judged
	j.over
} else := [j.review | some j in judged]

within_and_notified if {
	"notified" in input.tags
	every j in judged {
		j.within
	}
}

judge(it, _) := {"over": false, "within": false, "fact": "", "review": sprintf("No quantity is reported for '%s', so it cannot be compared with the cap.", [it.description])} if {
	not it.quantity
}

judge(it, c) := {"over": false, "within": false, "fact": "", "review": sprintf("The unit '%s' of '%s' is not in the units table (rules/data/units.yaml), so the quantity is not compared with the cap.", [object.get(it.quantity, "unit", ""), it.description])} if {
	it.quantity
	not amount(it, c)
}

judge(it, c) := {
	"over": over,
	"within": within,
	"fact": sprintf("The reported quantity (%s) is %s, against a cap of %s for all States together in a year.", [lib.quantity_text(it), amount(it, c).text, cap_text(c)]),
	"review": judge_review(it, c, over),
} if {
	a := amount(it, c)
	over := over_cap(it, a)
	within := not_over(it, a)
}

over_cap(it, a) if {
	lib.above_cap(it, a.value, a.cap)
	lib.in_calendar_year
}

default over_cap(_, _) := false

not_over(_, a) if a.value <= a.cap

default not_over(_, _) := false

judge_review(_, _, true) := ""

judge_review(it, c, false) := sprintf("The period spans more than one calendar year, and the cap is yearly: whether the %s delivered within one year exceeded it is not established.", [lib.category_label(c)]) if {
	a := amount(it, c)
	lib.above_cap(it, a.value, a.cap)
	not lib.in_calendar_year
}

judge_review(it, c, false) := "This delivery alone is within the cap: it is lawful only if it was notified to the Committee and the year's total from all States stayed within the cap, which one event cannot show." if {
	a := amount(it, c)
	not lib.above_cap(it, a.value, a.cap)
}

# amount(it, c): the quantity in the cap's unit, with the cap and a sentence.
amount(it, c) := {"value": v, "cap": caps[c].barrels, "text": sprintf("%v barrels", [round(v)])} if {
	data.sanctions.units.barrels[lib.key(it.quantity.unit)]
	v := lib.barrels(it, c)
}

amount(it, c) := {"value": v, "cap": caps[c].tonnes, "text": sprintf("%v tonnes", [round(v)])} if {
	caps[c].tonnes
	v := lib.tonnes(it)
}

amount(it, c) := {"value": v, "cap": caps[c].barrels, "text": sprintf("at least %v barrels (converted at %v barrels a tonne, a lower bound)", [round(v), data.sanctions.units.barrels_per_tonne[c]])} if {
	not caps[c].tonnes
	not data.sanctions.units.barrels[lib.key(it.quantity.unit)]
	v := lib.barrels(it, c)
}

cap_text(c) := "500,000 barrels" if caps[c].measure == "refined"

cap_text(c) := "4,000,000 barrels or 525,000 tonnes" if caps[c].measure == "crude"
