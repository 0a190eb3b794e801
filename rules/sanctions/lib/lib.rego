# METADATA
# title: Shared helpers for the rules
# description: >-
#   The helpers every regime shares: finding construction with the rule's metadata
#   (finding.rego), the items a rule's citations cover (cited.rego), confidence from the claims
#   (confidence.rego), the event's period against a measure's time in force (dates.rego), item
#   categories from the taxonomy (items.rego), stages (stage.rego), quantities
#   (quantities.rego), party country codes (parties.rego), designations (designations.rego) and
#   exemptions (exemptions.rego). What is one regime's (its state's place in the event, its
#   finding) is in that regime's lib: data.sanctions.dprk.lib.
# scope: package
# schemas:
#   - input: schema.event
package sanctions.lib

# words(s) splits a phrase into the words the data indexes are keyed by: lower case, every run of
# characters other than a-z and 0-9 taken as a space. Go does the same (internal/phrase).
words(s) := [w | some w in regex.split(`[^a-z0-9]+`, lower(s)); w != ""]

# key(s) is the index key of a phrase.
key(s) := concat(" ", words(s))

# padded_summary and padded_texts are the keys of the summary and of the summary and every item
# description, each between spaces, computed once per event; mentions(phrase) is true when one of
# them holds the phrase (given as a key) as whole words.
padded_summary := sprintf(" %s ", [key(input.summary)])

padded_texts := array.concat([padded_summary], [sprintf(" %s ", [key(it.description)]) | some it in input.items])

mentions(phrase) if {
	some text in padded_texts
	contains(text, sprintf(" %s ", [phrase]))
}

# join_and(xs) joins a list for a sentence: "A", "A and B", "A, B and C".
join_and(xs) := xs[0] if count(xs) == 1

join_and(xs) := sprintf("%s and %s", [concat(", ", array.slice(xs, 0, count(xs) - 1)), xs[count(xs) - 1]]) if {
	count(xs) > 1
}

# quoted(xs) quotes each phrase of a set or list: 'a', 'b'.
quoted(xs) := join_and([sprintf("'%s'", [x]) | some x in xs])
