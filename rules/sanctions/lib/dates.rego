package sanctions.lib

# An event's date is a prefix (2023, 2023-09, 2023-09-13) and marks the start of its period;
# end_date, when given, marks the end. Dates compare as strings: "2023-09-31" is a bound that
# sorts after every real day of September.

first_day(d) := d if {
	count(d) == 10
} else := concat("", [d, "-01"]) if {
	count(d) == 7
} else := concat("", [d, "-01-01"])

last_day(d) := d if {
	count(d) == 10
} else := concat("", [d, "-31"]) if {
	count(d) == 7
} else := concat("", [d, "-12-31"])

# date_text(d) is a date as text: a year written without quotes in YAML (date: 2016) reaches an
# OPA server as the number 2016 after an ordinary YAML to JSON conversion, and is the same date.
date_text(d) := d if {
	is_string(d)
} else := format_int(d, 10) if {
	is_number(d)
}

event_date := date_text(input.date)

period_start := first_day(event_date)

period_end := last_day(date_text(input.end_date)) if {
	input.end_date
} else := last_day(event_date)

# period_text names the period in a sentence.
period_text := sprintf("%s to %s", [event_date, date_text(input.end_date)]) if {
	input.end_date
} else := event_date

# timing(from) says whether a measure in force from `from` covers the event: "in_force" when the
# whole period is on or after that date; "unclear" when the period starts before it and ends on
# or after it (the date is too vague to tell); undefined when the event is wholly before it.
timing(from) := "in_force" if {
	period_start >= from
} else := "unclear" if {
	period_end >= from
}

# timing_within(from, until) is timing() for a measure in force from `from` until `until`
# (inclusive): "in_force" when the whole period lies within, "unclear" when it overlaps.
timing_within(from, until) := "in_force" if {
	within(from, until)
} else := "unclear" if {
	period_end >= from
	period_start <= until
}

within(from, until) if {
	period_start >= from
	period_end <= until
}

# in_calendar_year is true when the event's period lies within one calendar year.
in_calendar_year if substring(period_start, 0, 4) == substring(period_end, 0, 4)
