// The only file in netexport that includes ICU's headers. See include/netx_icu.h.
#include "netx_icu.h"

#include <unicode/dtptngen.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/normalizer2.h>
#include <unicode/plurrule.h>
#include <unicode/timezone.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/ufieldpositer.h>
#include <unicode/ulistformatter.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/unum.h>
#include <unicode/unumsys.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <utility>
#include <vector>

namespace {

const UChar *u(const uint16_t *text) { return reinterpret_cast<const UChar *>(text); }
UChar *u(uint16_t *text) { return reinterpret_cast<UChar *>(text); }

UErrorCode *code(int32_t *status) { return reinterpret_cast<UErrorCode *>(status); }

constexpr double millisPerHour = 3600.0 * 1000.0;

/// Calendar dates cross the boundary as the instant of their midnight in UTC. Formatters
/// use the machine's default time zone, so the date is moved to noon in that zone: a
/// calendar date then never shifts to the day before or after, whatever TZ says.
double localNoon(double utcMidnightMillis, UErrorCode &status) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createDefault());
  const double utcNoon = utcMidnightMillis + 12 * millisPerHour;
  int32_t rawOffset = 0;
  int32_t dstOffset = 0;
  zone->getOffset(utcNoon, false, rawOffset, dstOffset, status);
  return utcNoon - rawOffset - dstOffset;
}

int32_t writeResult(const icu::UnicodeString &result, uint16_t *out, int32_t capacity, int32_t *status) {
  return result.extract(u(out), capacity, *code(status));
}

}  // namespace

struct netx_break_iterator {
  UBreakIterator *iterator = nullptr;
  std::u16string text;
};

struct netx_plural_rules {
  /// The C++ object, not ICU's C handle: only the C++ API lists a category's sample numbers.
  std::unique_ptr<icu::PluralRules> rules;
};

struct netx_spellout {
  UNumberFormat *format = nullptr;
  /// The locale's own default rule set, restored after a number said with another.
  std::u16string defaultRuleSet;
  /// One number at a time: the rule set is chosen by changing the formatter's default, and
  /// ICU's formatters are not safe to share between threads.
  std::mutex lock;
};

namespace {

static_assert(NETX_BUFFER_OVERFLOW == U_BUFFER_OVERFLOW_ERROR, "netx_icu.h repeats ICU's code");
static_assert(
  NETX_MESSAGE_TOO_LONG > U_PLUGIN_ERROR_LIMIT && NETX_MESSAGE_TOO_DEEP > U_PLUGIN_ERROR_LIMIT &&
    NETX_MESSAGE_TOO_MANY_ARGUMENTS > U_PLUGIN_ERROR_LIMIT,
  "netexport's status codes must not collide with ICU's");
static_assert(NETX_BREAK_CHARACTER == UBRK_CHARACTER && NETX_BREAK_WORD == UBRK_WORD && NETX_BREAK_LINE == UBRK_LINE &&
  NETX_BREAK_SENTENCE == UBRK_SENTENCE, "netx_icu.h repeats ICU's break iterator types");
static_assert(NETX_PLURAL_CARDINAL == UPLURAL_TYPE_CARDINAL && NETX_PLURAL_ORDINAL == UPLURAL_TYPE_ORDINAL,
  "netx_icu.h repeats ICU's plural rule types");
static_assert(NETX_DATE_FIELD_YEAR == UDAT_YEAR_FIELD && NETX_DATE_FIELD_MONTH == UDAT_MONTH_FIELD &&
  NETX_DATE_FIELD_DATE == UDAT_DATE_FIELD && NETX_DATE_FIELD_DAY_OF_WEEK == UDAT_DAY_OF_WEEK_FIELD &&
  NETX_DATE_FIELD_EXTENDED_YEAR == UDAT_EXTENDED_YEAR_FIELD &&
  NETX_DATE_FIELD_STANDALONE_MONTH == UDAT_STANDALONE_MONTH_FIELD, "netx_icu.h repeats ICU's date fields");
static_assert(NETX_PART_MSG_START == UMSGPAT_PART_TYPE_MSG_START && NETX_PART_MSG_LIMIT == UMSGPAT_PART_TYPE_MSG_LIMIT &&
  NETX_PART_SKIP_SYNTAX == UMSGPAT_PART_TYPE_SKIP_SYNTAX && NETX_PART_INSERT_CHAR == UMSGPAT_PART_TYPE_INSERT_CHAR &&
  NETX_PART_REPLACE_NUMBER == UMSGPAT_PART_TYPE_REPLACE_NUMBER && NETX_PART_ARG_START == UMSGPAT_PART_TYPE_ARG_START &&
  NETX_PART_ARG_LIMIT == UMSGPAT_PART_TYPE_ARG_LIMIT && NETX_PART_ARG_NUMBER == UMSGPAT_PART_TYPE_ARG_NUMBER &&
  NETX_PART_ARG_NAME == UMSGPAT_PART_TYPE_ARG_NAME && NETX_PART_ARG_TYPE == UMSGPAT_PART_TYPE_ARG_TYPE &&
  NETX_PART_ARG_STYLE == UMSGPAT_PART_TYPE_ARG_STYLE && NETX_PART_ARG_SELECTOR == UMSGPAT_PART_TYPE_ARG_SELECTOR &&
  NETX_PART_ARG_INT == UMSGPAT_PART_TYPE_ARG_INT && NETX_PART_ARG_DOUBLE == UMSGPAT_PART_TYPE_ARG_DOUBLE,
  "netx_icu.h repeats ICU's message part types");
static_assert(NETX_ARG_TYPE_NONE == UMSGPAT_ARG_TYPE_NONE && NETX_ARG_TYPE_SIMPLE == UMSGPAT_ARG_TYPE_SIMPLE &&
  NETX_ARG_TYPE_CHOICE == UMSGPAT_ARG_TYPE_CHOICE && NETX_ARG_TYPE_PLURAL == UMSGPAT_ARG_TYPE_PLURAL &&
  NETX_ARG_TYPE_SELECT == UMSGPAT_ARG_TYPE_SELECT && NETX_ARG_TYPE_SELECTORDINAL == UMSGPAT_ARG_TYPE_SELECTORDINAL,
  "netx_icu.h repeats ICU's argument types");

/// Runs the body of an extern "C" function so that no C++ exception crosses the C boundary
/// (unwinding through Swift frames is undefined): ICU reports its own failures through
/// status codes, but the standard library it uses throws std::bad_alloc when memory runs out.
template <typename Result, typename Body>
Result guarded(int32_t *status, Result fallback, Body body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc &) {
    if (status != nullptr) {
      *status = U_MEMORY_ALLOCATION_ERROR;
    }
  } catch (...) {
    if (status != nullptr) {
      *status = U_INTERNAL_PROGRAM_ERROR;
    }
  }
  return fallback;
}

/// `guarded` for a function that returns nothing.
template <typename Body>
void guardedVoid(int32_t *status, Body body) noexcept {
  guarded(status, 0, [&] {
    body();
    return 0;
  });
}

/// The first of `stops` in `text` from `from` on, or -1.
int32_t findFirst(const UChar *text, int32_t length, int32_t from, std::initializer_list<UChar> stops) {
  for (int32_t index = from; index < length; index += 1) {
    if (std::find(stops.begin(), stops.end(), text[index]) != stops.end()) {
      return index;
    }
  }
  return -1;
}

/// Whether a message is within netexport's limits (NETX_MESSAGE_MAX_*); if not, sets
/// `status` to a NETX_MESSAGE_* code and `errorOffset`, and returns false.
///
/// Written by hand, in one linear pass, because ICU's own parser is what overflows the stack
/// on a deep message. It follows MessagePattern (ICU 72, ApostropheMode DOUBLE_OPTIONAL, the
/// default) wherever nesting depends on it: an apostrophe quotes in message text when a `{`
/// or `}` follows it, and `#` in a plural branch, `|` in a choice branch; `''` is one
/// apostrophe; a simple argument's style (`{d, date, ::yMMMd}`) counts its own braces and
/// quotes up to the next apostrophe; plural, select and choice arguments hold branches. On
/// text MessagePattern rejects, the scan may stop or go on: ICU stops reading at that point
/// too, never deeper than what was measured before it.
bool withinLimits(const UChar *text, int32_t length, int32_t *errorOffset, int32_t *status) {
  if (length > NETX_MESSAGE_MAX_LENGTH) {
    *errorOffset = -1;
    *status = NETX_MESSAGE_TOO_LONG;
    return false;
  }
  // Each argument the scan below counts starts at a `{` of the text, and each level of depth
  // is an argument still open: a message with no more `{` than either limit allows is within
  // both, whatever its quoting (most messages have a handful). Counting them costs a tenth of
  // the scan.
  int32_t braces = 0;
  for (int32_t index = 0; index < length; index += 1) {
    braces += text[index] == u'{' ? 1 : 0;
  }
  if (braces <= NETX_MESSAGE_MAX_DEPTH && braces <= NETX_MESSAGE_MAX_ARGUMENTS) {
    return true;
  }
  enum class Frame : uint8_t {
    message,        // the whole message, or a select branch
    pluralMessage,  // a plural or selectordinal branch, where `#` is special
    choiceMessage,  // a choice branch, which `|` or the argument's `}` ends
    pluralBranches, // between the branches of a plural or selectordinal
    selectBranches, // between the branches of a select
    choice,         // between the branches of a choice
  };
  std::vector<Frame> frames{Frame::message};
  int32_t depth = 0;  // arguments open around the current position
  int32_t arguments = 0;
  int32_t index = 0;
  while (index < length) {
    const Frame frame = frames.back();
    const UChar c = text[index];
    if (frame == Frame::pluralBranches || frame == Frame::selectBranches) {
      // Selectors (`one`, `=0`, `offset:1`) hold no braces: the next `{` opens a branch and a
      // `}` closes the argument.
      const int32_t stop = findFirst(text, length, index, {u'{', u'}'});
      if (stop < 0) {
        return true;
      }
      if (text[stop] == u'}') {
        frames.pop_back();
        depth -= 1;
      } else {
        frames.push_back(frame == Frame::pluralBranches ? Frame::pluralMessage : Frame::message);
      }
      index = stop + 1;
      continue;
    }
    if (frame == Frame::choice) {
      // A number, then `#`, `<` or `≤` opens the branch; anything else is a syntax error.
      const int32_t stop = findFirst(text, length, index, {u'#', u'<', u'\u2264', u'{', u'}', u'|'});
      if (stop < 0 || text[stop] == u'{' || text[stop] == u'}' || text[stop] == u'|') {
        return true;
      }
      frames.push_back(Frame::choiceMessage);
      index = stop + 1;
      continue;
    }
    if (c == u'\'') {
      const UChar next = index + 1 < length ? text[index + 1] : 0;
      if (next == u'\'') {
        index += 2;
      } else if (
        next == u'{' || next == u'}' || (frame == Frame::choiceMessage && next == u'|') ||
        (frame == Frame::pluralMessage && next == u'#')) {
        // Quoted text, up to the next lone apostrophe (or the end of the message).
        int32_t quote = index + 2;
        for (;;) {
          quote = findFirst(text, length, quote, {u'\''});
          if (quote < 0) {
            index = length;
            break;
          }
          if (quote + 1 < length && text[quote + 1] == u'\'') {
            quote += 2;
            continue;
          }
          index = quote + 1;
          break;
        }
      } else {
        index += 1;
      }
      continue;
    }
    if (c == u'}' && frames.size() > 1) {
      frames.pop_back();  // the end of a branch
      if (frame == Frame::choiceMessage) {
        frames.pop_back();  // and of its choice argument
        depth -= 1;
      }
      index += 1;
      continue;
    }
    if (c == u'|' && frame == Frame::choiceMessage) {
      frames.pop_back();
      index += 1;
      continue;
    }
    if (c != u'{') {
      index += 1;
      continue;
    }
    // An argument: `{name}`, `{name, type}` or `{name, type, style}`.
    arguments += 1;
    if (depth + 1 > NETX_MESSAGE_MAX_DEPTH || arguments > NETX_MESSAGE_MAX_ARGUMENTS) {
      *errorOffset = index;
      *status = depth + 1 > NETX_MESSAGE_MAX_DEPTH ? NETX_MESSAGE_TOO_DEEP : NETX_MESSAGE_TOO_MANY_ARGUMENTS;
      return false;
    }
    const int32_t nameEnd = findFirst(text, length, index + 1, {u',', u'}', u'{'});
    if (nameEnd < 0 || text[nameEnd] == u'{') {
      return true;
    }
    if (text[nameEnd] == u'}') {
      index = nameEnd + 1;
      continue;
    }
    // The type's letters, compared as ICU does, without regard to case; whatever else is
    // between the commas is white space (or a syntax error).
    const int32_t typeEnd = findFirst(text, length, nameEnd + 1, {u',', u'}', u'{'});
    if (typeEnd < 0 || text[typeEnd] == u'{') {
      return true;
    }
    std::string type;
    for (int32_t letter = nameEnd + 1; letter < typeEnd && type.size() <= 13; letter += 1) {
      const UChar unit = text[letter];
      if ((unit >= u'a' && unit <= u'z') || (unit >= u'A' && unit <= u'Z')) {
        type += static_cast<char>(unit | 0x20);
      }
    }
    index = typeEnd + 1;
    if (text[typeEnd] == u'}') {
      continue;
    }
    if (type == "plural" || type == "selectordinal" || type == "select" || type == "choice") {
      frames.push_back(
        type == "select" ? Frame::selectBranches : type == "choice" ? Frame::choice : Frame::pluralBranches);
      depth += 1;
      continue;
    }
    // A simple style: braces pair up inside it, and an apostrophe quotes up to the next one.
    int32_t nested = 0;
    for (;;) {
      const int32_t stop = findFirst(text, length, index, {u'\'', u'{', u'}'});
      if (stop < 0) {
        return true;
      }
      index = stop + 1;
      if (text[stop] == u'\'') {
        const int32_t close = findFirst(text, length, index, {u'\''});
        if (close < 0) {
          return true;
        }
        index = close + 1;
      } else if (text[stop] == u'{') {
        nested += 1;
      } else if (nested > 0) {
        nested -= 1;
      } else {
        break;
      }
    }
  }
  return true;
}

/// Reads a MessageFormat pattern into `parsed`; on a syntax error, or when the pattern breaks
/// one of netexport's limits, sets `errorOffset` and `status` and returns false.
bool parsePattern(icu::MessagePattern &parsed, const icu::UnicodeString &text, int32_t *errorOffset, int32_t *status) {
  if (!withinLimits(text.getBuffer(), text.length(), errorOffset, status)) {
    return false;
  }
  UParseError parseError{};
  parsed.parse(text, &parseError, *code(status));
  if (U_FAILURE(*code(status))) {
    *errorOffset = parseError.offset;
    return false;
  }
  return true;
}

/// The arguments of a message as ICU values; integers go in as integers so that plural rules
/// see "1", not "1.0".
bool messageValues(
  const uint16_t *pool, const netx_message_argument *arguments, int32_t argumentCount,
  std::vector<icu::UnicodeString> &names, std::vector<icu::Formattable> &values, UErrorCode &status) {
  names.reserve(static_cast<size_t>(argumentCount));
  values.reserve(static_cast<size_t>(argumentCount));
  for (int32_t index = 0; index < argumentCount; index += 1) {
    const netx_message_argument &argument = arguments[index];
    names.emplace_back(u(pool) + argument.nameStart, argument.nameLength);
    switch (argument.kind) {
      case NETX_ARG_NUMBER: {
        const double number = argument.number;
        if (std::trunc(number) == number && std::fabs(number) < 9.0e15) {
          values.emplace_back(static_cast<int64_t>(number));
        } else {
          values.emplace_back(number);
        }
        break;
      }
      case NETX_ARG_DATE:
        values.emplace_back(localNoon(argument.number, status), icu::Formattable::kIsDate);
        break;
      case NETX_ARG_STRING:
        values.emplace_back(icu::UnicodeString(u(pool) + argument.stringStart, argument.stringLength));
        break;
      default:
        status = U_ILLEGAL_ARGUMENT_ERROR;
        return false;
    }
  }
  return U_SUCCESS(status);
}

/// A MessageFormat for the locale, kept by this thread, with `pattern` applied.
///
/// A MessageFormat made for a message makes, when it formats a plural or a `#`, the locale's
/// default number format and plural rules (about 30,000 instructions under callgrind), and
/// its number format reads each number the slow way until it has formatted a few. Kept, they
/// serve the locale's next messages: applyPattern replaces the pattern and the formatters made
/// for its arguments, and keeps what depends only on the locale (ICU's setLocale is what drops
/// those). Per thread, because a MessageFormat is not safe to share while it formats; a
/// thread keeps one for each locale it formats (a few dozen in a library).
icu::MessageFormat *keptMessageFormat(
  const char *localeID, const icu::UnicodeString &pattern, UParseError &parseError, UErrorCode &status) {
  thread_local std::map<std::string, std::unique_ptr<icu::MessageFormat>> formats;
  auto &slot = formats[localeID];
  if (slot == nullptr) {
    UErrorCode made = U_ZERO_ERROR;
    slot.reset(new icu::MessageFormat(icu::UnicodeString(), icu::Locale(localeID), parseError, made));
    if (U_FAILURE(made)) {
      slot.reset();
      status = made;
      return nullptr;
    }
  }
  slot->applyPattern(pattern, parseError, status);
  return slot.get();
}

int32_t formatMessage(
  const char *localeID, const icu::UnicodeString &pattern, const std::vector<icu::UnicodeString> &names,
  const std::vector<icu::Formattable> &values, bool keep, uint16_t *out, int32_t capacity, int32_t *errorOffset,
  int32_t *status) {
  UParseError parseError{};
  std::unique_ptr<icu::MessageFormat> made;
  icu::MessageFormat *format = nullptr;
  if (keep) {
    format = keptMessageFormat(localeID, pattern, parseError, *code(status));
  } else {
    made = std::make_unique<icu::MessageFormat>(pattern, icu::Locale(localeID), parseError, *code(status));
    format = made.get();
  }
  if (U_FAILURE(*code(status))) {
    *errorOffset = parseError.offset;
    return 0;
  }
  icu::UnicodeString result;
  format->format(names.data(), values.data(), static_cast<int32_t>(names.size()), result, *code(status));
  if (U_FAILURE(*code(status)) || out == nullptr) {
    return 0;
  }
  return writeResult(result, out, capacity, status);
}

/// A date formatter made as MessageFormat makes the one of a `{d, date, ::skeleton}` argument,
/// kept for the rest of the process (see formatSkeletonDate).
struct SkeletonDateFormat {
  std::unique_ptr<icu::DateFormat> format;
  /// One date at a time: ICU does not promise that a formatter may be shared between threads.
  std::mutex lock;
};

/// How many skeleton formatters are kept at most: one per locale and skeleton that a
/// library's messages use, a few dozen in practice. Past it (a catalog full of made-up
/// skeletons) a formatter is made for each date and dropped, as MessageFormat does.
constexpr size_t maxSkeletonDateFormats = 512;

/// Formats a date as MessageFormat formats a `{d, date, ::skeleton}` or `{d, time, ::skeleton}`
/// argument: with DateFormat::createInstanceForSkeleton's formatter for the skeleton, through
/// Format::format. Returns false when ICU cannot make the formatter or format with it (the
/// caller then leaves the argument to MessageFormat, which fails the same way).
///
/// The formatter is kept by locale and skeleton: making one (a SimpleDateFormat with the
/// locale's symbols, calendar and number formats) takes about 110,000 instructions under
/// callgrind, and MessageFormat makes one for every date argument of every message it is built
/// for. Kept, its number formats also stay compiled after a few uses, which formats each
/// date a few times faster.
bool formatSkeletonDate(
  const char *localeID, const icu::UnicodeString &skeleton, const icu::Formattable &date, bool textNeeded,
  icu::UnicodeString &out) {
  // Never freed, not even at exit, when another thread may still be formatting a date.
  static std::mutex &lock = *new std::mutex;
  static auto &formats = *new std::map<std::pair<std::string, std::u16string>, std::unique_ptr<SkeletonDateFormat>>;
  std::pair<std::string, std::u16string> key(
    localeID, std::u16string(skeleton.getBuffer(), static_cast<size_t>(skeleton.length())));
  SkeletonDateFormat *kept = nullptr;
  {
    const std::lock_guard<std::mutex> guard(lock);
    const auto found = formats.find(key);
    if (found != formats.end()) {
      kept = found->second.get();
    }
  }
  std::unique_ptr<SkeletonDateFormat> made;
  if (kept == nullptr) {
    // Made outside the lock: it is slow, and the other thread may need a kept one meanwhile.
    made = std::make_unique<SkeletonDateFormat>();
    UErrorCode status = U_ZERO_ERROR;
    made->format.reset(icu::DateFormat::createInstanceForSkeleton(skeleton, icu::Locale(localeID), status));
    if (U_FAILURE(status) || made->format == nullptr) {
      return false;
    }
    const std::lock_guard<std::mutex> guard(lock);
    if (formats.size() < maxSkeletonDateFormats || formats.count(key) != 0) {
      auto &slot = formats[key];
      if (slot == nullptr) {
        slot = std::move(made);
      }
      kept = slot.get();
    }
  }
  if (!textNeeded) {
    // DateFormat::format(const Formattable &, UnicodeString &, FieldPosition &, UErrorCode &),
    // which Format::format calls (SimpleDateFormat does not override it), fails only on a value
    // that is neither a date nor a number, and formats a date through format(UDate, ...),
    // which reports nothing: with the formatter made, a date cannot fail.
    return true;
  }
  SkeletonDateFormat &format = kept != nullptr ? *kept : *made;
  const std::lock_guard<std::mutex> guard(format.lock);
  UErrorCode status = U_ZERO_ERROR;
  // MessageFormat calls this overload of Format, through a `const Format *`.
  static_cast<const icu::Format &>(*format.format).format(date, out, status);
  return U_SUCCESS(status);
}

/// Whether a UTF-16 code unit is Pattern_White_Space, which MessageFormat skips before a
/// style's `::` (every such character is in the BMP).
bool isPatternWhiteSpace(UChar unit) { return u_hasBinaryProperty(unit, UCHAR_PATTERN_WHITE_SPACE); }

/// Whether the text of `part` (an argument's type) is `keyword` (lower-case ASCII letters),
/// its ASCII letters compared without regard to case.
bool isTypeKeyword(const icu::MessagePattern &parsed, const icu::MessagePattern::Part &part, const char16_t *keyword) {
  const icu::UnicodeString &text = parsed.getPatternString();
  const int32_t length = part.getLength();
  int32_t index = 0;
  for (; index < length && keyword[index] != 0; index += 1) {
    const UChar unit = text.charAt(part.getIndex() + index);
    const UChar lowered = (unit >= u'A' && unit <= u'Z') ? static_cast<UChar>(unit | 0x20) : unit;
    if (lowered != keyword[index]) {
      return false;
    }
  }
  return index == length && keyword[index] == 0;
}

/// Whether MessageFormat cannot fail on the argument that starts at part `index`, a `{name}`,
/// plural, selectordinal or select, with these values: it fails, once the pattern has parsed,
/// only where it makes a formatter for a simple argument or where a value does not suit its
/// argument (a plural or selectordinal given no number, a select given no text; ICU 72's
/// MessageFormat::format). A `{name}` formats any value; a missing value prints as `{name}`.
/// Written by hand because ICU has no call that answers this without formatting.
bool settlesFormatting(
  const icu::MessagePattern &parsed, int32_t index, const std::vector<icu::UnicodeString> &names,
  const std::vector<icu::Formattable> &values) {
  const UMessagePatternArgType type = parsed.getPart(index).getArgType();
  if (type == UMSGPAT_ARG_TYPE_NONE) {
    return true;
  }
  if (type != UMSGPAT_ARG_TYPE_PLURAL && type != UMSGPAT_ARG_TYPE_SELECTORDINAL && type != UMSGPAT_ARG_TYPE_SELECT) {
    return false;
  }
  // MessageFormat takes the first value of that name.
  const icu::UnicodeString name = parsed.getSubstring(parsed.getPart(index + 1));
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) {
    return true;
  }
  const icu::Formattable &value = values[static_cast<size_t>(found - names.begin())];
  if (type == UMSGPAT_ARG_TYPE_SELECT) {
    return value.getType() == icu::Formattable::kString;
  }
  switch (value.getType()) {
    case icu::Formattable::kLong:
    case icu::Formattable::kInt64:
      return true;
    case icu::Formattable::kDouble:
      return std::isfinite(value.getDouble());
    default:
      return false;
  }
}

/// The prefix of the names given to dates formatted ahead (preformatSkeletonDates).
constexpr char16_t preformattedPrefix[] = u"netx_date_";

/// Formats ahead, with kept formatters (formatSkeletonDate), the dates of a message's
/// `{d, date, ::skeleton}` and `{d, time, ::skeleton}` arguments, and writes into `rewritten`
/// the pattern with each such argument replaced by a plain `{netx_date_N}` whose value (added
/// to `names` and `values`) is the formatted date. MessageFormat then prints the same text
/// without making a date formatter of its own. Returns false, changing nothing, when there is
/// nothing to format ahead or anything fails: MessageFormat then formats the pattern as it is,
/// and reports what it reports.
///
/// An argument is left to MessageFormat when it could print otherwise than its formatter:
/// - its value is not a date, or it is a numbered argument (`{0, date, ::yMMMd}`);
/// - it is inside a choice (whose branches MessageFormat parses again, with other apostrophe
///   rules);
/// - a plural or selectordinal has its name: MessageFormat may print the plural's number
///   with that argument's formatter (PluralSelectorProvider::select).
/// Nothing is formatted ahead when a name already starts with `netx_date_`.
///
/// When it returns true, `settled` tells whether MessageFormat cannot fail on the rewritten
/// pattern (see settlesFormatting), so that a caller that wants no text need not ask it.
bool preformatSkeletonDates(
  const char *localeID, const icu::UnicodeString &pattern, bool textNeeded, std::vector<icu::UnicodeString> &names,
  std::vector<icu::Formattable> &values, icu::UnicodeString &rewritten, bool &settled) {
  settled = false;
  if (pattern.indexOf(u"::", 2, 0) < 0 || pattern.indexOf(preformattedPrefix) >= 0) {
    return false;
  }
  bool hasDate = false;
  for (size_t index = 0; index < names.size(); index += 1) {
    hasDate = hasDate || values[index].getType() == icu::Formattable::kDate;
    if (names[index].startsWith(preformattedPrefix)) {
      return false;
    }
  }
  if (!hasDate) {
    return false;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::MessagePattern parsed(status);  // ICU's default apostrophe mode, as MessageFormat's
  parsed.parse(pattern, nullptr, status);
  if (U_FAILURE(status)) {
    return false;
  }
  const int32_t count = parsed.countParts();
  std::vector<icu::UnicodeString> pluralNames;
  for (int32_t index = 0; index + 1 < count; index += 1) {
    const icu::MessagePattern::Part &part = parsed.getPart(index);
    if (part.getType() == UMSGPAT_PART_TYPE_ARG_START &&
        (part.getArgType() == UMSGPAT_ARG_TYPE_PLURAL || part.getArgType() == UMSGPAT_ARG_TYPE_SELECTORDINAL)) {
      pluralNames.push_back(parsed.getSubstring(parsed.getPart(index + 1)));
    }
  }
  struct Edit {
    int32_t start;
    int32_t limit;
    icu::UnicodeString text;
  };
  std::vector<Edit> edits;
  // Whether every argument other than a simple one is one MessageFormat cannot fail on, and
  // how many simple arguments there are (each not formatted ahead is left to MessageFormat).
  bool othersSettled = true;
  size_t simpleArguments = 0;
  for (int32_t index = 0; index < count; index += 1) {
    const icu::MessagePattern::Part &part = parsed.getPart(index);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_START) {
      continue;
    }
    if (part.getArgType() == UMSGPAT_ARG_TYPE_CHOICE) {
      othersSettled = false;
      index = parsed.getLimitPartIndex(index);
      continue;
    }
    // A simple argument's parts: ARG_START, ARG_NAME, ARG_TYPE, [ARG_STYLE,] ARG_LIMIT.
    if (part.getArgType() != UMSGPAT_ARG_TYPE_SIMPLE || index + 4 >= count) {
      othersSettled = othersSettled && settlesFormatting(parsed, index, names, values);
      continue;
    }
    simpleArguments += 1;
    const int32_t limitIndex = parsed.getLimitPartIndex(index);
    const icu::MessagePattern::Part &name = parsed.getPart(index + 1);
    const icu::MessagePattern::Part &style = parsed.getPart(index + 3);
    if (name.getType() != UMSGPAT_PART_TYPE_ARG_NAME || style.getType() != UMSGPAT_PART_TYPE_ARG_STYLE) {
      continue;
    }
    // MessageFormat's createAppropriateFormat: the type in lower case (an identifier, so with
    // no white space to trim), and the style's `::` after any Pattern_White_Space. No letter
    // outside ASCII lowers to one of "date" or "time" (the Kelvin sign lowers to `k`), so the
    // type is compared ASCII letter by letter rather than lowered by ICU's case mapping.
    if (!isTypeKeyword(parsed, parsed.getPart(index + 2), u"date") &&
        !isTypeKeyword(parsed, parsed.getPart(index + 2), u"time")) {
      continue;
    }
    const icu::UnicodeString styleText = parsed.getSubstring(style);
    int32_t firstNonSpace = 0;
    while (firstNonSpace < styleText.length() && isPatternWhiteSpace(styleText.charAt(firstNonSpace))) {
      firstNonSpace += 1;
    }
    if (styleText.compare(firstNonSpace, 2, u"::", 0, 2) != 0) {
      continue;
    }
    const icu::UnicodeString argumentName = parsed.getSubstring(name);
    if (std::find(pluralNames.begin(), pluralNames.end(), argumentName) != pluralNames.end()) {
      continue;
    }
    // MessageFormat takes the first value of that name.
    const auto found = std::find(names.begin(), names.end(), argumentName);
    if (found == names.end()) {
      continue;
    }
    const icu::Formattable &value = values[static_cast<size_t>(found - names.begin())];
    if (value.getType() != icu::Formattable::kDate) {
      continue;
    }
    icu::UnicodeString formatted;
    if (!formatSkeletonDate(localeID, styleText.tempSubString(firstNonSpace + 2), value, textNeeded, formatted)) {
      return false;
    }
    edits.push_back({part.getIndex(), parsed.getPart(limitIndex).getLimit(), std::move(formatted)});
    index = limitIndex;
  }
  if (edits.empty()) {
    return false;
  }
  settled = othersSettled && simpleArguments == edits.size();
  rewritten.remove();
  int32_t copied = 0;
  for (size_t number = 0; number < edits.size(); number += 1) {
    icu::UnicodeString name(preformattedPrefix);
    name.append(icu::UnicodeString::fromUTF8(std::to_string(number)));
    rewritten.append(pattern, copied, edits[number].start - copied).append(u'{').append(name).append(u'}');
    copied = edits[number].limit;
    names.push_back(name);
    values.emplace_back(edits[number].text);
  }
  rewritten.append(pattern, copied, pattern.length() - copied);
  return true;
}

/// The best pattern for a skeleton in a locale, from ICU's DateTimePatternGenerator.
///
/// Kept for the life of the process, by locale and skeleton: a generator reads the locale's
/// whole date data (about 3 million instructions under callgrind), and one export formats a
/// handful of dates with the same two or three skeletons. The result is cached rather than the
/// generator, whose getBestPattern is not safe to call from two threads at once.
icu::UnicodeString bestPattern(const char *localeID, const icu::UnicodeString &skeleton, UErrorCode &status) {
  static std::mutex lock;
  static std::map<std::pair<std::string, std::u16string>, icu::UnicodeString> patterns;
  std::pair<std::string, std::u16string> key(
    localeID, std::u16string(skeleton.getBuffer(), static_cast<size_t>(skeleton.length())));
  {
    const std::lock_guard<std::mutex> guard(lock);
    const auto found = patterns.find(key);
    if (found != patterns.end()) {
      return found->second;
    }
  }
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
    icu::DateTimePatternGenerator::createInstance(icu::Locale(localeID), status));
  if (U_FAILURE(status)) {
    return {};
  }
  const icu::UnicodeString pattern = generator->getBestPattern(skeleton, status);
  if (U_SUCCESS(status)) {
    const std::lock_guard<std::mutex> guard(lock);
    patterns.emplace(std::move(key), pattern);
  }
  return pattern;
}

/// A language tag as LanguageTag.init reads it (see netx_language_tag).
struct ParsedLanguageTag {
  bool valid = false;
  std::string localeID;
  std::string canonical;
};

/// The result of an ICU call that writes bytes into a buffer, the buffer grown once when ICU
/// reports that it was too small, as bufferResult in ICUError.swift does; false on failure.
template <typename Call>
bool grownBytes(std::string &out, Call call) {
  int32_t capacity = 64;
  for (int attempt = 0; attempt < 2; attempt += 1) {
    std::vector<char> buffer(static_cast<size_t>(capacity) + 1, 0);
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = call(buffer.data(), capacity, status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      capacity = length;
      continue;
    }
    if (U_FAILURE(status)) {
      return false;
    }
    out.assign(buffer.data(), static_cast<size_t>(length));
    return true;
  }
  return false;
}

/// Parses and canonicalizes a language tag: ICU must consume all of it, give a locale ID, and
/// a canonical tag other than "und".
ParsedLanguageTag parseLanguageTag(const char *tag) {
  ParsedLanguageTag parsed;
  int32_t parsedLength = 0;
  if (!grownBytes(parsed.localeID, [&](char *out, int32_t capacity, UErrorCode &status) {
        return uloc_forLanguageTag(tag, out, capacity, &parsedLength, &status);
      }) ||
      static_cast<size_t>(parsedLength) != std::strlen(tag) || parsed.localeID.empty()) {
    return ParsedLanguageTag{};
  }
  if (!grownBytes(parsed.canonical, [&](char *out, int32_t capacity, UErrorCode &status) {
        return uloc_toLanguageTag(parsed.localeID.c_str(), out, capacity, true, &status);
      }) ||
      parsed.canonical == "und") {
    return ParsedLanguageTag{};
  }
  parsed.valid = true;
  return parsed;
}

/// Which date skeleton letters are fields ICU knows, asked of ICU once per ASCII letter
/// (see netx_date_skeleton_check).
int32_t skeletonCheck(const uint16_t *skeleton, int32_t length, int32_t *status) {
  // Which ASCII letters are fields is asked of ICU once per letter: the generator's skeleton
  // of a one-letter pattern keeps the letter only when it is a field it knows (`j`, `J` and
  // `C` included, which only skeletons use). Every field letter is ASCII. The answers are
  // kept for the process (ICU's are the same every time; some 3,000 instructions a letter,
  // asked again for every date argument of every message before): each slot is written
  // whole, with the same value by any thread that asks.
  static std::atomic<int8_t> known[128];  // 0 unknown yet, 1 a field, -1 not one
  int32_t letters = 0;
  for (int32_t index = 0; index < length; index += 1) {
    const uint16_t unit = skeleton[index];
    if (unit == u' ' || unit == u'\t' || unit == u'\n' || unit == u'\r') {
      continue;  // ICU's generator skips spaces between fields, and so may a skeleton.
    }
    letters += 1;
    if (unit >= 128) {
      return index;
    }
    int8_t answer = known[unit].load(std::memory_order_relaxed);
    if (answer == 0) {
      UErrorCode letterStatus = U_ZERO_ERROR;
      const icu::UnicodeString letter(static_cast<UChar>(unit));
      const icu::UnicodeString field = icu::DateTimePatternGenerator::staticGetSkeleton(letter, letterStatus);
      if (U_FAILURE(letterStatus)) {
        *status = letterStatus;
        return index;
      }
      answer = field == letter ? 1 : -1;
      known[unit].store(answer, std::memory_order_relaxed);
    }
    if (answer < 0) {
      return index;
    }
  }
  return letters == 0 ? 0 : -1;
}

}  // namespace

extern "C" {

const char *netx_error_name(int32_t status) {
  return guarded(nullptr, "U_INTERNAL_PROGRAM_ERROR", [&]() -> const char * {
    switch (status) {
      case NETX_MESSAGE_TOO_LONG: return "NETX_MESSAGE_TOO_LONG";
      case NETX_MESSAGE_TOO_DEEP: return "NETX_MESSAGE_TOO_DEEP";
      case NETX_MESSAGE_TOO_MANY_ARGUMENTS: return "NETX_MESSAGE_TOO_MANY_ARGUMENTS";
      default: return u_errorName(static_cast<UErrorCode>(status));
    }
  });
}

void netx_icu_version(char *out) {
  guardedVoid(nullptr, [&] {
    UVersionInfo version;
    u_getVersion(version);
    u_versionToString(version, out);
  });
}

void netx_unicode_version(char *out) {
  guardedVoid(nullptr, [&] {
    UVersionInfo version;
    u_getUnicodeVersion(version);
    u_versionToString(version, out);
  });
}

int32_t netx_locale_for_language_tag(
  const char *tag, char *out, int32_t capacity, int32_t *parsedLength, int32_t *status) {
  return guarded(status, 0, [&] { return uloc_forLanguageTag(tag, out, capacity, parsedLength, code(status)); });
}

int32_t netx_language_tag(
  const char *tag, char *localeID, int32_t localeCapacity, int32_t *localeLength, char *canonical,
  int32_t canonicalCapacity, int32_t *canonicalLength) {
  int32_t status = 0;
  return guarded(&status, -1, [&] {
    // Kept for the process: a run reads the same few tags again and again (the language
    // markup of every text, `<lang-en>`), each parse some 7,000 instructions of ICU's. At most
    // a few thousand, so that a file full of made-up tags cannot grow it without end.
    static std::mutex &lock = *new std::mutex;
    static auto &kept = *new std::map<std::string, ParsedLanguageTag>;
    constexpr size_t maxKept = 4096;
    ParsedLanguageTag parsed;
    bool found = false;
    {
      const std::lock_guard<std::mutex> guard(lock);
      const auto entry = kept.find(tag);
      if (entry != kept.end()) {
        parsed = entry->second;
        found = true;
      }
    }
    if (!found) {
      parsed = parseLanguageTag(tag);
      const std::lock_guard<std::mutex> guard(lock);
      if (kept.size() < maxKept) {
        kept.emplace(tag, parsed);
      }
    }
    if (!parsed.valid) {
      return 0;
    }
    *localeLength = static_cast<int32_t>(parsed.localeID.size());
    *canonicalLength = static_cast<int32_t>(parsed.canonical.size());
    if (*localeLength > localeCapacity || *canonicalLength > canonicalCapacity) {
      return -1;
    }
    std::memcpy(localeID, parsed.localeID.data(), parsed.localeID.size());
    std::memcpy(canonical, parsed.canonical.data(), parsed.canonical.size());
    return 1;
  });
}

int32_t netx_locale_to_language_tag(const char *localeID, char *out, int32_t capacity, int32_t *status) {
  return guarded(status, 0, [&] { return uloc_toLanguageTag(localeID, out, capacity, true, code(status)); });
}

int32_t netx_locale_display_name(
  const char *localeID, const char *displayLocale, uint16_t *out, int32_t capacity, int32_t *status) {
  return guarded(
    status, 0, [&] { return uloc_getDisplayName(localeID, displayLocale, u(out), capacity, code(status)); });
}

int32_t netx_locale_display_name_kept(
  const char *localeID, const char *displayLocale, uint16_t *out, int32_t capacity, int32_t *status) {
  return guarded(status, 0, [&] {
    // Kept for the process, at most a few thousand: the language markup check names the
    // language of each marked text (`<lang-en>`), the same few names again and again, each
    // some 15,000 instructions of ICU's.
    using Name = std::pair<int32_t, std::u16string>;  // ICU's failure (0 for none) and the name
    static std::mutex &lock = *new std::mutex;
    static auto &kept = *new std::map<std::pair<std::string, std::string>, Name>;
    constexpr size_t maxKept = 4096;
    std::pair<std::string, std::string> key(localeID, displayLocale);
    Name name;
    bool found = false;
    {
      const std::lock_guard<std::mutex> guard(lock);
      const auto entry = kept.find(key);
      if (entry != kept.end()) {
        name = entry->second;
        found = true;
      }
    }
    if (!found) {
      // As netx_locale_display_name gives it to a caller that grows its buffer once.
      std::u16string text(64, u'\0');
      UErrorCode nameStatus = U_ZERO_ERROR;
      int32_t length = uloc_getDisplayName(localeID, displayLocale, u(reinterpret_cast<uint16_t *>(text.data())),
        static_cast<int32_t>(text.size()), &nameStatus);
      if (nameStatus == U_BUFFER_OVERFLOW_ERROR) {
        text.assign(static_cast<size_t>(length), u'\0');
        nameStatus = U_ZERO_ERROR;
        length = uloc_getDisplayName(localeID, displayLocale, u(reinterpret_cast<uint16_t *>(text.data())),
          static_cast<int32_t>(text.size()), &nameStatus);
      }
      if (U_FAILURE(nameStatus)) {
        name = {nameStatus, std::u16string()};
      } else {
        text.resize(static_cast<size_t>(length));
        name = {0, std::move(text)};
      }
      const std::lock_guard<std::mutex> guard(lock);
      if (kept.size() < maxKept) {
        kept.emplace(std::move(key), name);
      }
    }
    if (name.first > 0) {
      *status = name.first;
      return 0;
    }
    const int32_t length = static_cast<int32_t>(name.second.size());
    if (length > capacity) {
      *status = U_BUFFER_OVERFLOW_ERROR;
      return length;
    }
    std::copy(name.second.begin(), name.second.end(), out);
    if (length < capacity) {
      out[length] = 0;
    }
    return length;
  });
}

int32_t netx_locale_available_count(void) {
  return guarded(nullptr, 0, [&] { return uloc_countAvailable(); });
}

const char *netx_locale_available(int32_t index) {
  return guarded(nullptr, static_cast<const char *>(nullptr), [&]() -> const char * {
    return index >= 0 && index < uloc_countAvailable() ? uloc_getAvailable(index) : nullptr;
  });
}

int32_t netx_locale_unnamed_subtags(const char *localeID) {
  return guarded(nullptr, 0, [&] {
    int32_t unnamed = 0;
    char subtag[ULOC_FULLNAME_CAPACITY] = {0};
    UChar name[ULOC_FULLNAME_CAPACITY] = {0};
    // ICU gives back the code itself, with U_USING_DEFAULT_WARNING, for a subtag it has no
    // name for.
    UErrorCode status = U_ZERO_ERROR;
    uloc_getScript(localeID, subtag, ULOC_FULLNAME_CAPACITY, &status);
    if (U_SUCCESS(status) && subtag[0] != 0) {
      uloc_getDisplayScript(localeID, "en", name, ULOC_FULLNAME_CAPACITY, &status);
      if (status == U_USING_DEFAULT_WARNING || U_FAILURE(status) || std::strcmp(subtag, "Zzzz") == 0) {
        unnamed |= NETX_SUBTAG_SCRIPT;
      }
    }
    status = U_ZERO_ERROR;
    subtag[0] = 0;
    uloc_getCountry(localeID, subtag, ULOC_FULLNAME_CAPACITY, &status);
    if (U_SUCCESS(status) && subtag[0] != 0) {
      uloc_getDisplayCountry(localeID, "en", name, ULOC_FULLNAME_CAPACITY, &status);
      if (status == U_USING_DEFAULT_WARNING || U_FAILURE(status) || std::strcmp(subtag, "ZZ") == 0) {
        unnamed |= NETX_SUBTAG_REGION;
      }
    }
    return unnamed;
  });
}

int32_t netx_locale_is_right_to_left(const char *localeID) {
  return guarded(nullptr, 0, [&] { return uloc_isRightToLeft(localeID) ? 1 : 0; });
}

int32_t netx_locale_likely_script(const char *localeID, char *out, int32_t capacity, int32_t *status) {
  return guarded(status, 0, [&] {
    char maximized[ULOC_FULLNAME_CAPACITY] = {0};
    uloc_addLikelySubtags(localeID, maximized, ULOC_FULLNAME_CAPACITY, code(status));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    return uloc_getScript(maximized, out, capacity, code(status));
  });
}

void netx_locale_paper_size(const char *localeID, int32_t *height, int32_t *width, int32_t *status) {
  guarded(status, 0, [&] {
    // CLDR's paper sizes are per region. ICU infers a missing region itself, but the likely
    // subtags are added here so the rule is explicit: es -> es_Latn_ES (A4), en -> en_Latn_US.
    char maximized[ULOC_FULLNAME_CAPACITY] = {0};
    uloc_addLikelySubtags(localeID, maximized, ULOC_FULLNAME_CAPACITY, code(status));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    ulocdata_getPaperSize(maximized, height, width, code(status));
    return 0;
  });
}

netx_break_iterator *netx_break_open(int32_t kind, const char *localeID, int32_t *status) {
  return guarded(status, static_cast<netx_break_iterator *>(nullptr), [&]() -> netx_break_iterator * {
    if (kind < NETX_BREAK_CHARACTER || kind > NETX_BREAK_SENTENCE) {
      *status = U_ILLEGAL_ARGUMENT_ERROR;
      return nullptr;
    }
    auto handle = std::make_unique<netx_break_iterator>();
    handle->iterator = ubrk_open(static_cast<UBreakIteratorType>(kind), localeID, nullptr, 0, code(status));
    if (U_FAILURE(*code(status))) {
      return nullptr;
    }
    return handle.release();
  });
}

void netx_break_set_text(netx_break_iterator *iterator, const uint16_t *text, int32_t length, int32_t *status) {
  guardedVoid(status, [&] {
    // ubrk_setText does not copy the text; the handle keeps the copy alive.
    iterator->text.assign(reinterpret_cast<const char16_t *>(text), static_cast<size_t>(length));
    ubrk_setText(
      iterator->iterator, reinterpret_cast<const UChar *>(iterator->text.data()), length, code(status));
  });
}

int32_t netx_break_boundaries(
  netx_break_iterator *iterator, int32_t *offsets, int32_t *ruleStatus, int32_t capacity, int32_t *status) {
  return guarded(status, 0, [&] {
    int32_t count = 0;
    for (int32_t boundary = ubrk_first(iterator->iterator); boundary != UBRK_DONE;
         boundary = ubrk_next(iterator->iterator)) {
      if (count < capacity) {
        offsets[count] = boundary;
        if (ruleStatus != nullptr) {
          ruleStatus[count] = count == 0 ? 0 : ubrk_getRuleStatus(iterator->iterator);
        }
      }
      count += 1;
    }
    if (count > capacity) {
      *status = U_BUFFER_OVERFLOW_ERROR;
    }
    return count;
  });
}

void netx_break_close(netx_break_iterator *iterator) {
  guardedVoid(nullptr, [&] {
    if (iterator == nullptr) {
      return;
    }
    ubrk_close(iterator->iterator);
    delete iterator;
  });
}

netx_plural_rules *netx_plural_open(const char *localeID, int32_t type, int32_t *status) {
  return guarded(status, static_cast<netx_plural_rules *>(nullptr), [&]() -> netx_plural_rules * {
    auto handle = std::make_unique<netx_plural_rules>();
    handle->rules.reset(icu::PluralRules::forLocale(
      icu::Locale(localeID), type == NETX_PLURAL_ORDINAL ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL,
      *code(status)));
    if (U_SUCCESS(*code(status)) && handle->rules == nullptr) {
      *status = U_MEMORY_ALLOCATION_ERROR;
    }
    if (U_FAILURE(*code(status))) {
      return nullptr;
    }
    return handle.release();
  });
}

int32_t netx_plural_select(
  const netx_plural_rules *rules, double number, uint16_t *out, int32_t capacity, int32_t *status) {
  return guarded(status, 0, [&] { return writeResult(rules->rules->select(number), out, capacity, status); });
}

int32_t netx_plural_categories(
  const netx_plural_rules *rules, uint16_t *out, int32_t capacity, int32_t *status) {
  return guarded(status, 0, [&] {
    std::unique_ptr<icu::StringEnumeration> keywords(rules->rules->getKeywords(*code(status)));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    icu::UnicodeString joined;
    while (const icu::UnicodeString *keyword = keywords->snext(*code(status))) {
      if (!joined.isEmpty()) {
        joined.append(u' ');
      }
      joined.append(*keyword);
    }
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    return writeResult(joined, out, capacity, status);
  });
}

int32_t netx_plural_samples(
  const netx_plural_rules *rules, const uint16_t *keyword, int32_t keywordLength, double *out, int32_t capacity,
  int32_t *status) {
  return guarded(status, 0, [&] {
    return rules->rules->getSamples(icu::UnicodeString(u(keyword), keywordLength), out, capacity, *code(status));
  });
}

void netx_plural_close(netx_plural_rules *rules) {
  guardedVoid(nullptr, [&] { delete rules; });
}

int32_t netx_utf8_from_utf16(const uint16_t *units, int32_t length, char *out, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t written = 0;
  u_strToUTF8WithSub(out, capacity, &written, reinterpret_cast<const UChar *>(units), length, 0xFFFD, nullptr,
    &status);
  return U_FAILURE(status) ? -1 : written;
}

int32_t netx_utf16_from_utf8(const char *utf8, int32_t length, uint16_t *out, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t written = 0;
  u_strFromUTF8(reinterpret_cast<UChar *>(out), capacity, &written, utf8, length, &status);
  return U_FAILURE(status) ? -1 : written;
}

int32_t netx_format_number(const char *localeID, double value, uint16_t *out, int32_t capacity, int32_t *status) {
  return guarded(status, 0, [&] {
    UNumberFormat *format = unum_open(UNUM_DECIMAL, nullptr, 0, localeID, nullptr, code(status));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    const int32_t length = unum_formatDouble(format, value, u(out), capacity, nullptr, code(status));
    unum_close(format);
    return length;
  });
}

int32_t netx_date_skeleton_check(const uint16_t *skeleton, int32_t length, int32_t *status) {
  return guarded(status, 0, [&] { return skeletonCheck(skeleton, length, status); });
}

int32_t netx_format_date(
  const char *localeID, const uint16_t *skeleton, int32_t skeletonLength, double millis, uint16_t *out,
  int32_t capacity, netx_date_field *fields, int32_t fieldCapacity, int32_t *fieldCount, int32_t *status) {
  return guarded(status, 0, [&] {
    const icu::UnicodeString pattern =
      bestPattern(localeID, icu::UnicodeString(u(skeleton), skeletonLength), *code(status));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    UDateFormat *format = udat_open(
      UDAT_PATTERN, UDAT_PATTERN, localeID, nullptr, 0, pattern.getBuffer(), pattern.length(), code(status));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    UFieldPositionIterator *positions = fields == nullptr ? nullptr : ufieldpositer_open(code(status));
    const double instant = localNoon(millis, *code(status));
    int32_t length = 0;
    if (U_SUCCESS(*code(status))) {
      length = positions == nullptr
                 ? udat_format(format, instant, u(out), capacity, nullptr, code(status))
                 : udat_formatForFields(format, instant, u(out), capacity, positions, code(status));
    }
    if (positions != nullptr) {
      int32_t count = 0;
      int32_t start = 0;
      int32_t limit = 0;
      for (int32_t field = ufieldpositer_next(positions, &start, &limit); field >= 0;
           field = ufieldpositer_next(positions, &start, &limit)) {
        if (count < fieldCapacity) {
          fields[count] = {field, start, limit};
        }
        count += 1;
      }
      *fieldCount = count;
      if (count > fieldCapacity && U_SUCCESS(*code(status))) {
        *status = U_BUFFER_OVERFLOW_ERROR;
      }
      ufieldpositer_close(positions);
    }
    udat_close(format);
    return length;
  });
}

int32_t netx_format_message(
  const char *localeID, const uint16_t *pattern, int32_t patternLength, const uint16_t *pool,
  const netx_message_argument *arguments, int32_t argumentCount, int32_t options, uint16_t *out, int32_t capacity,
  int32_t *errorOffset, int32_t *status) {
  return guarded(status, 0, [&] {
    *errorOffset = -1;
    if ((options & NETX_FORMAT_LIMITS_CHECKED) == 0 && !withinLimits(u(pattern), patternLength, errorOffset, status)) {
      return 0;
    }
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    if (!messageValues(pool, arguments, argumentCount, names, values, *code(status))) {
      return 0;
    }
    const icu::UnicodeString text(false, u(pattern), patternLength);
    const bool keep = (options & NETX_FORMAT_UNKEPT) == 0;
    // Without `out`, only the outcome is wanted: the dates formatted ahead need no text.
    const bool textNeeded = out != nullptr;
    icu::UnicodeString rewritten;
    bool settled = false;
    if (keep && preformatSkeletonDates(localeID, text, textNeeded, names, values, rewritten, settled)) {
      // Asked only whether it formats, a message MessageFormat cannot fail on once its dates
      // are formatted ahead is not given to it (applying the pattern and formatting take some
      // 16,000 instructions under callgrind).
      if (!textNeeded && settled) {
        return 0;
      }
      return formatMessage(localeID, rewritten, names, values, keep, out, capacity, errorOffset, status);
    }
    return formatMessage(localeID, text, names, values, keep, out, capacity, errorOffset, status);
  });
}

netx_spellout *netx_spellout_shared(const char *localeID, int32_t *status) {
  return guarded(status, static_cast<netx_spellout *>(nullptr), [&]() -> netx_spellout * {
    // Never closed: a handful of locales per run, each read once instead of once per message.
    static std::mutex lock;
    static std::map<std::string, std::unique_ptr<netx_spellout>> opened;
    const std::lock_guard<std::mutex> guard(lock);
    auto &slot = opened[localeID];
    if (slot != nullptr) {
      return slot.get();
    }
    auto handle = std::make_unique<netx_spellout>();
    handle->format = unum_open(UNUM_SPELLOUT, nullptr, 0, localeID, nullptr, code(status));
    if (U_FAILURE(*code(status))) {
      unum_close(handle->format);
      opened.erase(localeID);
      return nullptr;
    }
    UChar name[128];
    const int32_t length = unum_getTextAttribute(handle->format, UNUM_DEFAULT_RULESET, name, 128, code(status));
    if (U_FAILURE(*code(status))) {
      unum_close(handle->format);
      opened.erase(localeID);
      return nullptr;
    }
    handle->defaultRuleSet.assign(name, static_cast<size_t>(length));
    slot = std::move(handle);
    return slot.get();
  });
}

int32_t netx_spellout_format(
  netx_spellout *spellout, const uint16_t *ruleSet, int32_t ruleSetLength, double value, uint16_t *out,
  int32_t capacity, int32_t *status) {
  return guarded(status, 0, [&] {
    const std::lock_guard<std::mutex> guard(spellout->lock);
    const bool named = ruleSet != nullptr && ruleSetLength > 0;
    if (named) {
      // A set the locale lacks leaves the default set, as MessageFormat's `spellout` does.
      UErrorCode ruleStatus = U_ZERO_ERROR;
      unum_setTextAttribute(spellout->format, UNUM_DEFAULT_RULESET, u(ruleSet), ruleSetLength, &ruleStatus);
    }
    int32_t length = 0;
    if (std::trunc(value) == value && std::fabs(value) < 9.0e15) {
      length = unum_formatInt64(spellout->format, static_cast<int64_t>(value), u(out), capacity, nullptr, code(status));
    } else {
      length = unum_formatDouble(spellout->format, value, u(out), capacity, nullptr, code(status));
    }
    if (named) {
      UErrorCode ruleStatus = U_ZERO_ERROR;
      unum_setTextAttribute(
        spellout->format, UNUM_DEFAULT_RULESET, spellout->defaultRuleSet.data(),
        static_cast<int32_t>(spellout->defaultRuleSet.size()), &ruleStatus);
    }
    return length;
  });
}

int32_t netx_format_list(
  const char *localeID, const uint16_t *pool, const int32_t *lengths, int32_t count, uint16_t *out, int32_t capacity,
  int32_t *status) {
  return guarded(status, 0, [&] {
    UListFormatter *formatter = ulistfmt_openForType(localeID, ULISTFMT_TYPE_AND, ULISTFMT_WIDTH_WIDE, code(status));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    std::vector<const UChar *> items;
    const UChar *cursor = u(pool);
    for (int32_t index = 0; index < count; index += 1) {
      items.push_back(cursor);
      cursor += lengths[index];
    }
    const int32_t length = ulistfmt_format(formatter, items.data(), lengths, count, u(out), capacity, code(status));
    ulistfmt_close(formatter);
    return length;
  });
}

int32_t netx_date_style_formatter(const char *localeID, const uint16_t *style, int32_t length) {
  int32_t status = 0;
  return guarded(&status, -1, [&] {
    const icu::UnicodeString text(false, u(style), length);
    int32_t firstNonSpace = 0;
    while (firstNonSpace < text.length() && isPatternWhiteSpace(text.charAt(firstNonSpace))) {
      firstNonSpace += 1;
    }
    if (text.compare(firstNonSpace, 2, u"::", 0, 2) != 0) {
      return 0;
    }
    // As preformatSkeletonDates asks, with no date to format: only the formatter is made.
    const icu::Formattable none;
    icu::UnicodeString unused;
    return formatSkeletonDate(localeID, text.tempSubString(firstNonSpace + 2), none, false, unused) ? 1 : -1;
  });
}

int32_t netx_number_format_made(const char *localeID) {
  int32_t status = 0;
  return guarded(&status, 0, [&] {
    // Never freed, not even at exit, when another thread may still be asking.
    static std::mutex &lock = *new std::mutex;
    static auto &made = *new std::map<std::string, bool>;
    {
      const std::lock_guard<std::mutex> guard(lock);
      const auto found = made.find(localeID);
      if (found != made.end()) {
        return found->second ? 1 : 0;
      }
    }
    UErrorCode code = U_ZERO_ERROR;
    const std::unique_ptr<icu::NumberFormat> format(icu::NumberFormat::createInstance(icu::Locale(localeID), code));
    const bool isMade = U_SUCCESS(code) && format != nullptr;
    const std::lock_guard<std::mutex> guard(lock);
    made.emplace(localeID, isMade);
    return isMade ? 1 : 0;
  });
}

int32_t netx_message_parts(
  const uint16_t *pattern, int32_t patternLength, netx_message_part *out, int32_t capacity, int32_t *errorOffset,
  int32_t *status) {
  return guarded(status, 0, [&] {
    *errorOffset = -1;
    icu::MessagePattern parsed(*code(status));
    // A read-only alias of the caller's text: MessagePattern keeps a copy of its own, so the
    // text is copied once rather than twice.
    if (!parsePattern(parsed, icu::UnicodeString(false, u(pattern), patternLength), errorOffset, status)) {
      return 0;
    }
    const int32_t count = parsed.countParts();
    for (int32_t index = 0; index < count && index < capacity; index += 1) {
      const icu::MessagePattern::Part &part = parsed.getPart(index);
      const UMessagePatternPartType type = part.getType();
      const bool hasLimit = type == UMSGPAT_PART_TYPE_ARG_START || type == UMSGPAT_PART_TYPE_MSG_START;
      const bool numeric = icu::MessagePattern::Part::hasNumericValue(type);
      out[index] = {
        type,
        part.getIndex(),
        part.getLength(),
        (type == UMSGPAT_PART_TYPE_ARG_START || type == UMSGPAT_PART_TYPE_ARG_LIMIT) ? part.getArgType()
                                                                                      : part.getValue(),
        hasLimit ? parsed.getLimitPartIndex(index) : -1,
        numeric ? parsed.getNumericValue(part) : 0.0,
      };
    }
    if (count > capacity) {
      *status = U_BUFFER_OVERFLOW_ERROR;
    }
    return count;
  });
}

int32_t netx_is_nfc(const uint16_t *text, int32_t length, int32_t *status) {
  return guarded(status, 0, [&] {
    const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(*code(status));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    return nfc->isNormalized(icu::UnicodeString(false, u(text), length), *code(status)) ? 1 : 0;
  });
}

int32_t netx_is_nfc_utf8(const char *text, int32_t length, int32_t *status) {
  return guarded(status, 0, [&] {
    const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(*code(status));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    return nfc->isNormalizedUTF8(icu::StringPiece(text, length), *code(status)) ? 1 : 0;
  });
}

int32_t netx_to_nfc(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity, int32_t *status) {
  return guarded(status, 0, [&] {
    const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(*code(status));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    const icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString(false, u(text), length), *code(status));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    return writeResult(normalized, out, capacity, status);
  });
}

int32_t netx_char_columns(uint32_t codePoint) {
  return guarded(nullptr, 1, [&] {
    const UChar32 c = static_cast<UChar32>(codePoint);
    const int8_t category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
        category == U_CONTROL_CHAR) {
      return 0;
    }
    if (c >= 0x1160 && c <= 0x11FF) {  // Hangul medial vowels and final consonants join the syllable.
      return 0;
    }
    const int32_t width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
  });
}

int32_t netx_numbering_system(const char *localeID, char *out, int32_t capacity, int32_t *status) {
  return guarded(status, 0, [&] {
    UNumberingSystem *system = unumsys_open(localeID, code(status));
    if (U_FAILURE(*code(status))) {
      return 0;
    }
    const char *name = unumsys_getName(system);
    const int32_t length = static_cast<int32_t>(std::strlen(name));
    if (length < capacity) {
      std::memcpy(out, name, static_cast<size_t>(length) + 1);
    } else {
      *status = U_BUFFER_OVERFLOW_ERROR;
    }
    unumsys_close(system);
    return length;
  });
}

}  // extern "C"
