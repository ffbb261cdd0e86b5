/** English, the source language: the charts messages (docs/I18N.md, which lists what each file covers). */
export const charts = {
  // Units, periods and lists every chart writes
  "charts.unit.days": "{count, plural, one {# day} other {# days}}",
  "charts.unit.weeks": "{count, plural, one {# week} other {# weeks}}",
  "charts.unit.hours": "{count, plural, one {# hour} other {# hours}}",
  "charts.unit.underAnHour": "under an hour",
  "charts.period": "{from} – {to}",
  "charts.list.separator": ", ",
  "charts.list.semicolon": "; ",
  "charts.axis.cards": "Cards",
  "charts.axis.metricDays": "{metric} (days)",

  // The frame every chart shares
  "charts.error.title": "The chart could not be loaded",
  "charts.error.retry": "Try again",
  "charts.table.show": "Show the data as a table",
  "charts.table.date": "Date",
  "charts.table.card": "Card",
  "charts.table.cards": "Cards",
  "charts.table.days": "Days",
  "charts.table.status": "Status",
  "charts.table.completed": "Completed",

  // Filters above the charts
  "charts.filter.field": "Field",
  "charts.filter.fieldsOneSpace": "Fields belong to one space",
  "charts.filter.noFields": "This space has no fields",
  "charts.filter.anyField": "Any field",
  "charts.filter.fieldIs": "{field} is",
  "charts.filter.anyValue": "Any value",
  "charts.filter.empty": "Empty",
  "charts.filter.responsible": "Responsible",
  "charts.filter.anyone": "Anyone",
  "charts.filter.label": "Label",
  "charts.filter.anyLabel": "Any label",
  "charts.filter.labelsOneSpace": "Labels belong to one space",
  "charts.filter.period": "Period",
  "charts.filter.last30": "Last 30 days",
  "charts.filter.last90": "Last 90 days",
  "charts.filter.custom": "Custom…",
  "charts.filter.from": "From",
  "charts.filter.to": "To",

  // Forecast
  "charts.forecast.title": "Forecast",
  "charts.forecast.loading": "Loading the forecast",
  "charts.forecast.scope": "Scope",
  "charts.forecast.scopeSpace": "This space",
  "charts.forecast.scopeFolder": "Its folder",
  "charts.forecast.scopeFolderNone": "Its folder (none)",
  "charts.forecast.scopeWorkspace": "The whole workspace",
  "charts.forecast.history": "History (weeks)",
  "charts.forecast.confidence": "Confidence (%)",
  "charts.forecast.confidenceHint": "Comma-separated percentages between 1 and 99",
  "charts.forecast.howManyBy": "How many cards by",
  "charts.forecast.emptyTitle": "No cards yet",
  "charts.forecast.emptyBody":
    "The burn-up starts when the first card is created in {scope, select, space {this space} folder {its folder} other {the workspace}}.",
  "charts.forecast.completion": "Completion forecast",
  "charts.forecast.done": "Every card in scope is completed: there is nothing left to forecast.",
  "charts.forecast.noHistory": "There are no cards yet, so no history.",
  "charts.forecast.noCompletions":
    "No card was completed in the last {weeks, plural, one {# week} other {# weeks}}: throughput is zero, so no date can be forecast.",
  "charts.forecast.tooFewWeeks":
    "Cards were completed in only {completed, number} of the last {weeks, plural, one {# week} other {# weeks}}; a forecast needs at least {minimum, number}.",
  "charts.forecast.howManyTitle": "How many cards by {date}?",
  "charts.forecast.howManyNote":
    "In {weeks, plural, one {# whole week} other {# whole weeks}}, from {trials, number} simulated trials.",
  "charts.forecast.figure": "Burn-up and completion forecast",
  "charts.forecast.tableCaption": "Burn-up per day",
  "charts.forecast.series.scope": "Scope",
  "charts.forecast.series.completed": "Completed",
  "charts.forecast.rayLabel": "{share, number, percent} · {date}",
  "charts.forecast.throughputNone":
    "Based on {weeks, plural, one {# week} other {# weeks}}: no completed weeks of history yet.",
  "charts.forecast.throughput":
    "Based on {weeks, plural, one {# week} other {# weeks}} ({period}), cards completed per week: {samples}.",
  "charts.forecast.samplesMore": "…, {samples}",
  "charts.forecast.level":
    "{confidence, number} %{label, select, optimistic { (optimistic)} most_likely { (most likely)} pessimistic { (pessimistic)} other {}}",
  "charts.forecast.levelBeyond": "{level}: beyond the simulation horizon",
  "charts.forecast.levelDate": "{level}: done by {date} (in {weeks, plural, one {# week} other {# weeks}})",
  "charts.forecast.howManyAtLeast": "{level}: at least {cards, plural, one {# card} other {# cards}}",
  "charts.forecast.howManyAll":
    "{level}: {remaining, plural, one {the # remaining card} other {all # remaining}}",
  "charts.forecast.howManyAllPace":
    "{level}: {remaining, plural, one {the # remaining card} other {all # remaining}}; the team''s pace would allow about {pace, number}",
  "charts.forecast.summaryHead":
    "{completed, plural, one {# card} other {# cards}} completed of {scope, number} in scope on {date}; {remaining, number} remaining.",
  "charts.forecast.summaryHeadEmpty": "No cards yet; {remaining, number} remaining.",
  "charts.forecast.summaryDone": "{head} Everything in scope is completed.",
  "charts.forecast.summaryInsufficient": "{head} {reason}",
  "charts.forecast.summaryForecast": "{head} Forecast from {trials, number} simulated trials: {levels}.",

  // Time
  "charts.time.title": "Time",
  "charts.time.loading": "Loading the time chart",
  "charts.time.measure": "Measure",
  "charts.metric.lead": "Lead time",
  "charts.metric.reaction": "Reaction time",
  "charts.metric.cycle": "Cycle time",
  "charts.percentile.median": "Median",
  "charts.percentile.p50": "50th percentile",
  "charts.percentile.p85": "85th percentile",
  "charts.percentile.p95": "95th percentile",
  "charts.time.lineLabel": "{label}: {days}",
  "charts.time.emptyTitle": "No completed cards in this period yet",
  "charts.time.emptyBody": "Cards appear here once they reach a completed status. Try a longer period.",
  "charts.time.figure":
    "{metric, select, lead {Lead time} reaction {Reaction time} other {Cycle time}} per completed card",
  "charts.time.stats.cards": "Cards",
  "charts.time.stats.average": "Average",
  "charts.time.note":
    "Calendar days; a card done the day it was created counts 1 day. The median is the middle value (for an even count, the mean of the two middle ones); the percentiles are observed values by nearest rank. Click a point to open its card.",
  "charts.time.neverStarted":
    "{count, plural, one {# completed card} other {# completed cards}} never started, so {metric, select, lead {lead time} reaction {reaction time} other {cycle time}} does not apply.",
  "charts.time.distribution":
    "{metric, select, lead {Lead time} reaction {Reaction time} other {Cycle time}} distribution",
  "charts.time.distributionSummary":
    "How many cards took each number of days ({metric, select, lead {lead time} reaction {reaction time} other {cycle time}}).",
  "charts.time.pointTitle": "{name} · {days}",
  "charts.time.moreRows": "… and {count, number} more",
  "charts.time.perStatus": "Time per status",
  "charts.time.daysSummed": "Days, summed over the completed cards",
  "charts.time.share": "Share",
  "charts.time.shareValue": "{share, number} %",
  "charts.time.blocked": "Blocked",
  "charts.time.blockedCards": "{count, plural, one {# card was blocked} other {# cards were blocked}}",
  "charts.time.deletedStatus": "Deleted status",
  "charts.time.summaryNone":
    "No completed cards with a {metric, select, lead {lead time} reaction {reaction time} other {cycle time}} in {period}.",
  "charts.time.summary":
    "{count, plural, one {# completed card} other {# completed cards}} in {period}. {metric, select, lead {Lead time} reaction {Reaction time} other {Cycle time}}: {parts}.",
  "charts.time.part.median": "median {days}",
  "charts.time.part.p85": "85th percentile {days}",
  "charts.time.part.p95": "95th percentile {days}",
  "charts.time.part.average": "average {days}",

  // Cumulative flow
  "charts.flow.title": "Cumulative flow",
  "charts.flow.loading": "Loading the cumulative flow",
  "charts.flow.emptyTitle": "No cards in this period yet",
  "charts.flow.emptyBody": "The flow shows how many cards stood in each status at the end of every day.",
  "charts.flow.figure": "Cards per status, day by day",
  "charts.flow.currentWip": "Current WIP",
  "charts.flow.averageWip": "Average WIP",
  "charts.flow.throughput": "Throughput",
  "charts.flow.throughputValue": "{rate} / day ({completed, number} completed)",
  "charts.flow.averageCycle": "Average cycle time",
  "charts.flow.approximately": "≈ {duration}",
  "charts.flow.noCards": "No card existed yet in this period.",
  "charts.flow.averagesOver": "Averages over {days, plural, one {# day} other {# days}} since {date}.",
  "charts.flow.averagesOverFirst":
    "Averages over {days, plural, one {# day} other {# days}} since {date}, when the first card was created.",
  "charts.flow.littleNote":
    "The cycle time here is approximate: average WIP divided by throughput (Little''s law), not measured per card. The Time view measures it.",
  "charts.flow.legend": "Statuses, in board order",
  "charts.flow.statusCount": "{status} {count, number}",
  "charts.flow.noDays": "no days",
  "charts.flow.cycleNone": "no approximate cycle time (nothing was completed)",
  "charts.flow.cycle": "approximate average cycle time {duration}",
  "charts.flow.measured":
    "Since {date} ({days, plural, one {# day} other {# days}}): average WIP {wip}, {completed, plural, one {# card} other {# cards}} completed, {rate} per day, {cycle}.",
  "charts.flow.summary": "{period}. On the last day: {byStatus}. Current WIP {wip, number}. {measured}",

  // Aging work in progress
  "charts.aging.title": "Aging work in progress",
  "charts.aging.loading": "Loading the aging chart",
  "charts.aging.emptyTitle": "No in-progress status",
  "charts.aging.emptyBody": "The aging chart shows cards in statuses whose role is “in progress”.",
  "charts.aging.figure": "Age of the cards in progress",
  "charts.aging.expectation":
    "85 % of cards finished within {p85, plural, one {# day} other {# days}} (median {median}, {sample, plural, one {# card} other {# cards}})",
  "charts.aging.noExpectation":
    "Not enough history for an expectation yet ({sample, plural, one {# completed card} other {# completed cards}}, at least 5 needed)",
  "charts.aging.summary":
    "{expectation}. {count, plural, one {# card} other {# cards}} in progress, {atRisk, number} at risk.",
  "charts.aging.plot": "Cards in progress by status and age in days",
  "charts.aging.axis": "Age (days)",
  "charts.aging.band": "{status}: {share, number} % of completed cards left by day {day, number}",
  "charts.aging.passed": "{count, plural, one {# card passed} other {# cards passed}}",
  "charts.aging.noHistory": "no history",
  "charts.aging.targetLine": "Target {days, plural, one {# day} other {# days}}",
  "charts.aging.dot":
    "{name}: {age, number} d{risk, select, on_track { · on track} at_risk { · at risk} breached { · past its service level} other {}} in {status}{blocked, select, yes {, blocked} other {}}",
  "charts.aging.spaceTarget": "Space target",
  "charts.aging.none": "none",
  "charts.aging.note":
    "Ages and cycle times are calendar days from a card''s first start, both ends counted (as on the Time chart). Green: below the median; amber: past it; red: past the target (a label''s, else the space''s, else the 85th percentile). A diamond is a blocked card.",
  "charts.aging.bands": "Bands",
  "charts.aging.band50": "up to the 50th percentile",
  "charts.aging.band70": "50th to 70th",
  "charts.aging.band85": "70th to 85th",
  "charts.aging.band95": "85th to 95th",
  "charts.aging.age": "Age",
  "charts.aging.risk": "Risk",
  "charts.aging.blocked": "Blocked",
  "charts.aging.riskText":
    "{risk, select, on_track {on track} at_risk {at risk} breached {past its service level} other {–}}",
  "charts.aging.yes": "yes",

  // Service-level targets beside the Aging chart
  "charts.serviceLevels.title": "Service-level targets",
  "charts.serviceLevels.note":
    "Calendar days a card may stay in progress. Empty: the 85th percentile of the space''s history applies.",
  "charts.serviceLevels.space": "This space",
  "charts.serviceLevels.label": "Label “{name}”",
  "charts.serviceLevels.row": "{label}: {days, number} d",
  "charts.serviceLevels.rowNone": "{label}: no target",
  "charts.serviceLevels.invalid": "Enter whole days from {min, number} to {max, number}, or leave empty.",
  "charts.serviceLevels.placeholder": "none",
  "charts.serviceLevels.unit": "days",
} satisfies Record<string, string>;
