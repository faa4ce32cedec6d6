// netexport's door to the system ICU.
//
// This header declares netexport's own functions only and includes no ICU header:
// ICU's headers rename every function through macros (which Swift cannot import), and
// Foundation on Linux ships its own copy of ICU's headers, so a Swift module that saw
// both would fail to build. ICU is used only inside netx_icu.cpp.
//
// Conventions:
// - `status` is an ICU UErrorCode value: 0 is success, negative values are warnings,
//   positive values are failures. It must be 0 on entry.
// - Text crosses the boundary as UTF-16 (`uint16_t`), as ICU uses it.
// - Functions that write into `out` return the full length of the result. When `capacity`
//   is too small they set NETX_BUFFER_OVERFLOW and the caller retries with a larger buffer.
// - Handles returned by `*_open` functions must be released with the matching `*_close`.
// - Every function that reads a MessageFormat pattern first checks it against the limits
//   below, without ICU, and fails with one of the NETX_MESSAGE_* codes when it breaks one.
// - No C++ exception crosses this boundary: every function catches them all, reporting
//   std::bad_alloc as U_MEMORY_ALLOCATION_ERROR and anything else as U_INTERNAL_PROGRAM_ERROR
//   (a function without `status` returns its documented fallback).
// - The header holds no policy: how a number or a date is said aloud is decided in Swift
//   (NetexportICU's SpokenFormatting.swift), from what these functions return.
#ifndef NETX_ICU_H
#define NETX_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// U_BUFFER_OVERFLOW_ERROR, repeated here so the header needs no ICU header.
#define NETX_BUFFER_OVERFLOW 15

// MARK: Limits on messages
//
// ICU's MessagePattern and MessageFormat recurse once per nesting level: a select nested
// 30,000 deep overflows the stack while ICU parses it, a plural nested 5,000 deep while ICU
// formats it, and validating a message nested 1,000 deep took 97 s. So a message is measured
// before ICU sees it, and refused when it is longer, deeper or has more arguments than any
// real message needs.

/// The longest message, in UTF-16 code units (a character outside the BMP counts 2).
#define NETX_MESSAGE_MAX_LENGTH 16384
/// How deep arguments may nest: `{a}` is at depth 1, the `{a}` of
/// `{n, plural, other {{a}}}` at depth 2.
#define NETX_MESSAGE_MAX_DEPTH 10
/// The most arguments (`{...}`, nested ones included) one message may have.
#define NETX_MESSAGE_MAX_ARGUMENTS 100

/// netexport's own status codes, above every ICU code (netx_icu.cpp checks that): the
/// message breaks one of the limits. `errorOffset` receives the UTF-16 offset of the `{`
/// that goes too deep or one argument too far, and -1 for a message too long.
#define NETX_MESSAGE_TOO_LONG 0x20001
#define NETX_MESSAGE_TOO_DEEP 0x20002
#define NETX_MESSAGE_TOO_MANY_ARGUMENTS 0x20003

/// The symbolic name of an ICU status code, e.g. "U_ILLEGAL_ARGUMENT_ERROR", or of one of
/// netexport's own ("NETX_MESSAGE_TOO_DEEP").
const char *netx_error_name(int32_t status);

/// ICU's version ("72.1") into `out` (at least 32 bytes).
void netx_icu_version(char *out);

/// The Unicode version ICU implements ("15.0") into `out` (at least 32 bytes).
void netx_unicode_version(char *out);

// MARK: Locales

/// Parses a BCP 47 language tag into an ICU locale ID. `parsedLength` receives how many
/// bytes of `tag` were consumed (less than the tag's length when it is not well formed).
int32_t netx_locale_for_language_tag(
  const char *tag, char *out, int32_t capacity, int32_t *parsedLength, int32_t *status);

/// netx_locale_for_language_tag and netx_locale_to_language_tag in one call, with what
/// LanguageTag.init asks of them: 1 when ICU consumes all of `tag`, gives a locale ID and a
/// canonical tag other than "und" (both written, not NUL-terminated, their lengths in
/// `localeLength` and `canonicalLength`); 0 when not; -1 when a buffer is too small (the
/// lengths then say what is needed) or memory ran out. Results are kept by tag for the
/// process. Safe to call from several threads at once.
int32_t netx_language_tag(
  const char *tag, char *localeID, int32_t localeCapacity, int32_t *localeLength, char *canonical,
  int32_t canonicalCapacity, int32_t *canonicalLength);

/// Turns an ICU locale ID into a canonical BCP 47 language tag (strict).
int32_t netx_locale_to_language_tag(const char *localeID, char *out, int32_t capacity, int32_t *status);

/// The display name of `localeID` in the language of `displayLocale`.
int32_t netx_locale_display_name(
  const char *localeID, const char *displayLocale, uint16_t *out, int32_t capacity, int32_t *status);

/// netx_locale_display_name, the answer (the name, or ICU's failure) kept for the process by
/// locale and display locale. Safe to call from several threads at once.
int32_t netx_locale_display_name_kept(
  const char *localeID, const char *displayLocale, uint16_t *out, int32_t capacity, int32_t *status);

/// How many locales ICU has data for (`uloc_countAvailable`).
int32_t netx_locale_available_count(void);

/// The ICU locale ID of the available locale at `index` ("it", "it_CH", "zh_Hans_CN"); ICU
/// owns the text. NULL for an index out of range.
const char *netx_locale_available(int32_t index);

enum {
  NETX_SUBTAG_SCRIPT = 1,
  NETX_SUBTAG_REGION = 2,
};

/// The script and region subtags of `localeID` that ICU has no English name for, as
/// NETX_SUBTAG_* bits; the codes for an unknown script and region (`Zzzz`, `ZZ`) count as
/// unnamed. A subtag the locale does not have is never reported.
int32_t netx_locale_unnamed_subtags(const char *localeID);

/// 1 when the locale's script is written right to left, else 0.
int32_t netx_locale_is_right_to_left(const char *localeID);

/// The ISO 15924 code of the script the locale is most likely written in ("Latn", "Arab",
/// "Hans"), from CLDR's likely subtags.
int32_t netx_locale_likely_script(const char *localeID, char *out, int32_t capacity, int32_t *status);

/// The paper size customary where the locale is used, in millimetres, from CLDR through
/// ICU's `ulocdata_getPaperSize` (US Letter: 279 x 216; A4: 297 x 210). A locale without a
/// region takes its likely region (es -> ES, en -> US).
void netx_locale_paper_size(const char *localeID, int32_t *height, int32_t *width, int32_t *status);

// MARK: Break iteration

enum {
  NETX_BREAK_CHARACTER = 0,
  NETX_BREAK_WORD = 1,
  NETX_BREAK_LINE = 2,
  NETX_BREAK_SENTENCE = 3,
};

typedef struct netx_break_iterator netx_break_iterator;

/// Opens a break iterator of the given kind for a locale.
netx_break_iterator *netx_break_open(int32_t kind, const char *localeID, int32_t *status);

/// Sets the text to iterate. The iterator keeps its own copy of the text.
void netx_break_set_text(netx_break_iterator *iterator, const uint16_t *text, int32_t length, int32_t *status);

/// Writes every boundary (UTF-16 offsets, starting with 0 and ending with the text's
/// length) into `offsets`, and the rule status of the segment each boundary ends into
/// `ruleStatus` (may be NULL). Returns the number of boundaries.
int32_t netx_break_boundaries(
  netx_break_iterator *iterator, int32_t *offsets, int32_t *ruleStatus, int32_t capacity, int32_t *status);

void netx_break_close(netx_break_iterator *iterator);

// MARK: Plural rules

enum {
  NETX_PLURAL_CARDINAL = 0,
  NETX_PLURAL_ORDINAL = 1,
};

typedef struct netx_plural_rules netx_plural_rules;

netx_plural_rules *netx_plural_open(const char *localeID, int32_t type, int32_t *status);

/// The category ("one", "other", ...) that `number` selects, as UTF-16.
int32_t netx_plural_select(
  const netx_plural_rules *rules, double number, uint16_t *out, int32_t capacity, int32_t *status);

/// Every category the rules define, separated by single spaces, in CLDR order.
int32_t netx_plural_categories(
  const netx_plural_rules *rules, uint16_t *out, int32_t capacity, int32_t *status);

/// CLDR's sample numbers of one category (at most `capacity`), e.g. 0 for Arabic "zero"
/// and 1000000, 2000000, ... for Spanish "many".
int32_t netx_plural_samples(
  const netx_plural_rules *rules, const uint16_t *keyword, int32_t keywordLength, double *out, int32_t capacity,
  int32_t *status);

void netx_plural_close(netx_plural_rules *rules);

// MARK: Formatting

/// Formats a number with the locale's default decimal format.
/// Converts UTF-16 (`length` units) to UTF-8 in `out` (room for `capacity` bytes) with ICU's
/// `u_strToUTF8WithSub`, an unpaired surrogate becoming U+FFFD; returns the bytes written, or -1
/// when ICU fails.
int32_t netx_utf8_from_utf16(const uint16_t *units, int32_t length, char *out, int32_t capacity);

/// Converts well-formed UTF-8 (`length` bytes) to UTF-16 in `out` (room for `capacity` units)
/// with ICU's `u_strFromUTF8`; returns the units written, or -1 when ICU fails.
int32_t netx_utf16_from_utf8(const char *utf8, int32_t length, uint16_t *out, int32_t capacity);

int32_t netx_format_number(const char *localeID, double value, uint16_t *out, int32_t capacity, int32_t *status);

/// Checks a date or time skeleton (the text after `::` in `{d, date, ::yMMMMd}`): returns -1
/// when it has a field and every character but spaces is a field letter ICU's
/// DateTimePatternGenerator knows, else the UTF-16 offset of the first character that is
/// not one (0 when it has no field). ICU itself ignores such characters, and prints nothing
/// for an empty skeleton.
int32_t netx_date_skeleton_check(const uint16_t *skeleton, int32_t length, int32_t *status);

/// One field of a formatted date: which field (ICU's UDateFormatField value, such as
/// NETX_DATE_FIELD_YEAR) and its UTF-16 range in the result.
typedef struct {
  int32_t field;
  int32_t start;
  int32_t limit;
} netx_date_field;

/// ICU's UDateFormatField values netexport reads (netx_icu.cpp checks they are ICU's).
#define NETX_DATE_FIELD_YEAR 1
#define NETX_DATE_FIELD_MONTH 2
#define NETX_DATE_FIELD_DATE 3
#define NETX_DATE_FIELD_DAY_OF_WEEK 9
#define NETX_DATE_FIELD_EXTENDED_YEAR 20
#define NETX_DATE_FIELD_STANDALONE_MONTH 26

/// Formats an instant (milliseconds since 1970-01-01T00:00:00Z, a calendar day's midnight in
/// UTC) with the locale's best pattern for a date skeleton such as "yMMMMd", at noon in the
/// machine's time zone, so that calendar dates never shift with TZ. When `fields` is not
/// null, up to `fieldCapacity` fields of the result are written there in ICU's order and
/// `fieldCount` receives how many there are.
int32_t netx_format_date(
  const char *localeID, const uint16_t *skeleton, int32_t skeletonLength, double millis, uint16_t *out,
  int32_t capacity, netx_date_field *fields, int32_t fieldCapacity, int32_t *fieldCount, int32_t *status);

enum {
  NETX_ARG_NUMBER = 0,
  NETX_ARG_DATE = 1,
  NETX_ARG_STRING = 2,
};

/// One named argument of a message. Names and string values are slices of one shared
/// UTF-16 pool, so the caller needs to keep only that pool alive.
typedef struct {
  int32_t nameStart;
  int32_t nameLength;
  int32_t kind;
  /// The number, or for dates milliseconds since 1970-01-01T00:00:00Z.
  double number;
  int32_t stringStart;
  int32_t stringLength;
} netx_message_argument;

/// For the style of a `{d, date, style}` or `{d, time, style}` argument as written (white
/// space included): 1 when it is a `::skeleton` (after any Pattern_White_Space) whose formatter,
/// made as MessageFormat makes it, is made (and kept, see netx_format_message); -1 when ICU
/// cannot make that formatter; 0 when the style is not a skeleton. MessageFormat fails on such
/// an argument exactly when the formatter cannot be made.
int32_t netx_date_style_formatter(const char *localeID, const uint16_t *style, int32_t length);

/// 1 when ICU makes the locale's default number format (NumberFormat::createInstance), the
/// one MessageFormat makes for a `{n, number}` argument, else 0; the answer is kept by locale
/// for the process (ICU's is the same every time). MessageFormat fails on such an argument,
/// given a number, exactly when that format cannot be made.
int32_t netx_number_format_made(const char *localeID);

/// Options of `netx_format_message`, bits that may be combined.
enum {
  /// Check the pattern against the limits, and format with kept formatters (the default).
  NETX_FORMAT_CHECK_LIMITS = 0,
  /// The caller checked the limits on the pattern this one was rewritten from, replacing
  /// arguments (and `#`) one for one: a `#` that became an argument is one level deeper than
  /// the `#` was, so checking again could refuse a message that was within the limits.
  NETX_FORMAT_LIMITS_CHECKED = 1,
  /// Format with a new MessageFormat that makes every formatter it needs, as ICU does without
  /// netexport, instead of the kept ones (see netx_format_message). The text and the failures
  /// are the same (tests compare them; the warnings ICU gives when it uses fallback data may
  /// not be); only the cost differs.
  NETX_FORMAT_UNKEPT = 2,
};

/// Formats an ICU MessageFormat pattern, exactly as written, with named arguments. Date and
/// time arguments are formatted at noon in the machine's time zone (see netx_format_date).
/// On a syntax error, `errorOffset` receives the UTF-16 offset of the problem within the
/// pattern (else -1).
///
/// What ICU makes for a message is kept for the next ones, as long as it depends only on the
/// locale: a date or time argument with a skeleton (`{d, date, ::yMMMMd}`) whose value is a
/// date is formatted with a formatter made as MessageFormat makes it, kept for the rest of
/// the process by locale and skeleton (MessageFormat would make one for each such argument of
/// each message, most of the cost of formatting it); and each thread keeps a MessageFormat per
/// locale, with the locale's number format and plural rules, to which it applies each
/// pattern. See NETX_FORMAT_UNKEPT. Safe to call from several threads at once.
///
/// With `out` NULL, only whether the message formats is wanted (a validator's question): the
/// same status and `errorOffset`, 0 returned, and the dates formatted ahead are not written
/// out (with its formatter made, formatting a date cannot fail).
int32_t netx_format_message(
  const char *localeID, const uint16_t *pattern, int32_t patternLength, const uint16_t *pool,
  const netx_message_argument *arguments, int32_t argumentCount, int32_t options, uint16_t *out, int32_t capacity,
  int32_t *errorOffset, int32_t *status);

typedef struct netx_spellout netx_spellout;

/// The locale's rule-based spellout, opened the first time a locale asks for it and shared by
/// the whole process after that (never closed): opening one reads all of the locale's rules
/// (millions of instructions under callgrind), far more than saying a number with it.
/// Safe to use from several threads at once.
netx_spellout *netx_spellout_shared(const char *localeID, int32_t *status);

/// A number in words, with a named rule set such as "%spellout-numbering-year", or the
/// locale's default set when `ruleSet` is null or empty or the locale has no set of that name
/// (as MessageFormat's `spellout` argument does). A whole number below 9e15 is formatted as
/// an integer (so that "1" selects the rules for one, not for "1.0").
int32_t netx_spellout_format(
  netx_spellout *spellout, const uint16_t *ruleSet, int32_t ruleSetLength, double value, uint16_t *out,
  int32_t capacity, int32_t *status);

/// Joins `count` items (consecutive in `pool`, with their UTF-16 lengths) with the locale's
/// "and" list pattern: "a, b, and c" (en), "a, b y c" (es).
int32_t netx_format_list(
  const char *localeID, const uint16_t *pool, const int32_t *lengths, int32_t count, uint16_t *out, int32_t capacity,
  int32_t *status);

/// The kinds of ICU's MessagePattern parts (UMessagePatternPartType), repeated here so the
/// header needs no ICU header; netx_icu.cpp checks each against ICU's.
enum {
  NETX_PART_MSG_START = 0,
  NETX_PART_MSG_LIMIT = 1,
  NETX_PART_SKIP_SYNTAX = 2,
  NETX_PART_INSERT_CHAR = 3,
  NETX_PART_REPLACE_NUMBER = 4,
  NETX_PART_ARG_START = 5,
  NETX_PART_ARG_LIMIT = 6,
  NETX_PART_ARG_NUMBER = 7,
  NETX_PART_ARG_NAME = 8,
  NETX_PART_ARG_TYPE = 9,
  NETX_PART_ARG_STYLE = 10,
  NETX_PART_ARG_SELECTOR = 11,
  NETX_PART_ARG_INT = 12,
  NETX_PART_ARG_DOUBLE = 13,
};

/// The kinds of arguments (UMessagePatternArgType), checked against ICU's the same way.
enum {
  NETX_ARG_TYPE_NONE = 0,
  NETX_ARG_TYPE_SIMPLE = 1,
  NETX_ARG_TYPE_CHOICE = 2,
  NETX_ARG_TYPE_PLURAL = 3,
  NETX_ARG_TYPE_SELECT = 4,
  NETX_ARG_TYPE_SELECTORDINAL = 5,
};

/// One part of a MessageFormat pattern as ICU's MessagePattern reads it (see ICU's
/// documentation of MessagePattern::Part).
typedef struct {
  /// A NETX_PART_* kind.
  int32_t type;
  /// The UTF-16 offset of the part's text in the pattern, and the text's length.
  int32_t index;
  int32_t length;
  /// ICU's value: the nesting level of a MSG_START or MSG_LIMIT, the character an
  /// INSERT_CHAR inserts, the argument kind (NETX_ARG_TYPE_*) of an ARG_START or ARG_LIMIT.
  int32_t value;
  /// For an ARG_START or MSG_START, the index of its matching limit part; else -1.
  int32_t limitPart;
  /// For an ARG_INT or ARG_DOUBLE (a selector's `=N`, a plural's `offset:`), the number.
  double number;
} netx_message_part;

/// Every part of a MessageFormat pattern, read with ICU's MessagePattern (apostrophes as
/// ICU's default DOUBLE_OPTIONAL mode reads them). Writes at most `capacity` parts and
/// returns how many there are (NETX_BUFFER_OVERFLOW when `capacity` is too small). On a
/// syntax error, `errorOffset` receives the UTF-16 offset of the problem.
int32_t netx_message_parts(
  const uint16_t *pattern, int32_t patternLength, netx_message_part *out, int32_t capacity, int32_t *errorOffset,
  int32_t *status);

/// The name of the locale's default numbering system ("latn", "arab", "hanidec", ...), as a
/// NUL-terminated ASCII string.
int32_t netx_numbering_system(const char *localeID, char *out, int32_t capacity, int32_t *status);

// MARK: Characters

/// 1 when the text is in Unicode Normalization Form C, else 0.
int32_t netx_is_nfc(const uint16_t *text, int32_t length, int32_t *status);

/// netx_is_nfc for UTF-8 text (ICU's Normalizer2::isNormalizedUTF8), with no conversion.
int32_t netx_is_nfc_utf8(const char *text, int32_t length, int32_t *status);

/// The text in Normalization Form C.
int32_t netx_to_nfc(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity, int32_t *status);

/// The number of terminal columns a code point occupies: 0 for combining marks and
/// format characters, 2 for East Asian wide and fullwidth characters, else 1.
int32_t netx_char_columns(uint32_t codePoint);

#ifdef __cplusplus
}
#endif

#endif
