package formread

// The texts this package writes for people — problems, and the comments
// of the data file it writes — in one place, so that they can be put in
// the message catalogs. Each is a format for fmt.
const (
	msgUnknownForm = "not a form jixiao knows: tried %s; a form is found by the labels of its rows"
	msgTried       = "%s (%s: %d of its %d labels found)"
	msgNoFit       = "%s does not fit the form's %q"
	msgNotNumber   = "%s is not a number"
	msgNotPoints   = "%s is not a number of points"
	msgNotWhole    = "%s is not a whole number"
	msgNotPercent  = "%s is not a percentage; expected e.g. 90%% or 0.9"
	msgNoLevels    = "an indicator outside any %s and %s; expected their cells to the left"
	msgNoLevel     = "a %s outside any %s"
	msgRowNotFound = "the row labelled %s is not found here or below; its value cannot be read"
	msgNoTables    = "holds no table"
	tomlReadFrom   = "Read by `jixiao import` from %s (%s); each value says the cell it came from."
	tomlCheckIt    = "Check it with `jixiao check`, print it with `jixiao render`."
	tomlUnread     = "%d values could not be read: they are left out, each marked \"could not be read\"."
	tomlCouldNot   = "%s — %s: could not be read: %s"
	tomlComputed   = "%s — %s: computed by the sheet's formula, not declared"
	tomlSummed     = "%s: not on the form; the sum of the level below"
	tomlPlace      = "%s — %s"
	tomlBlankRows  = "空白行"
)
