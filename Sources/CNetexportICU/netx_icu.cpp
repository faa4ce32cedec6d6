// The only file in netexport that includes ICU's headers. See include/netx_icu.h.
#include "netx_icu.h"

#include <unicode/brkiter.h>
#include <unicode/dtptngen.h>
#include <unicode/fpositer.h>
#include <unicode/rbnf.h>
#include <unicode/smpdtfmt.h>
#include <unicode/ulistformatter.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/normalizer2.h>
#include <unicode/plurrule.h>
#include <unicode/timezone.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/unum.h>
#include <unicode/unumsys.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <string>
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
  UPluralRules *rules = nullptr;
};

namespace {

static_assert(NETX_BUFFER_OVERFLOW == U_BUFFER_OVERFLOW_ERROR, "netx_icu.h repeats ICU's code");
static_assert(
  NETX_MESSAGE_TOO_LONG > U_PLUGIN_ERROR_LIMIT && NETX_MESSAGE_TOO_DEEP > U_PLUGIN_ERROR_LIMIT &&
    NETX_MESSAGE_TOO_MANY_ARGUMENTS > U_PLUGIN_ERROR_LIMIT,
  "netexport's status codes must not collide with ICU's");

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

int32_t formatMessage(
  const char *localeID, const icu::UnicodeString &pattern, const std::vector<icu::UnicodeString> &names,
  const std::vector<icu::Formattable> &values, uint16_t *out, int32_t capacity, int32_t *errorOffset,
  int32_t *status) {
  UParseError parseError{};
  icu::MessageFormat format(pattern, icu::Locale(localeID), parseError, *code(status));
  if (U_FAILURE(*code(status))) {
    *errorOffset = parseError.offset;
    return 0;
  }
  icu::UnicodeString result;
  format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), result, *code(status));
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  return writeResult(result, out, capacity, status);
}

/// The formatters that saying one message aloud needs, each opened once. Opening a
/// RuleBasedNumberFormat reads all of the locale's spellout rules (about 13 million
/// instructions under callgrind, far more than formatting a number with it), and ICU's
/// MessageFormat opens one for every `spellout` argument of a pattern.
class SpokenFormatters {
public:
  explicit SpokenFormatters(const icu::Locale &locale) : locale_(locale) {}

  const icu::Locale &locale() const { return locale_; }

  /// A number in words with one of the locale's rule-based spellout rule sets, or its
  /// default set when the locale has no rule set of that name (as MessageFormat's
  /// `spellout` does); an empty `ruleSet` is the default set.
  icu::UnicodeString spellOut(const icu::Formattable &value, const icu::UnicodeString &ruleSet, UErrorCode &status) {
    icu::UnicodeString result;
    if (U_FAILURE(status)) {
      return result;
    }
    std::unique_ptr<icu::RuleBasedNumberFormat> &format = spellouts_[ruleSet];
    if (!format) {
      format.reset(new icu::RuleBasedNumberFormat(icu::URBNF_SPELLOUT, locale_, status));
      if (format == nullptr && U_SUCCESS(status)) {
        status = U_MEMORY_ALLOCATION_ERROR;
      }
      if (U_FAILURE(status)) {
        format.reset();
        return result;
      }
      if (!ruleSet.isEmpty()) {
        UErrorCode ruleStatus = U_ZERO_ERROR;
        format->setDefaultRuleSet(ruleSet, ruleStatus);
      }
    }
    format->format(value, result, status);
    return result;
  }

  icu::DateTimePatternGenerator *generator(UErrorCode &status) {
    if (!generator_ && U_SUCCESS(status)) {
      generator_.reset(icu::DateTimePatternGenerator::createInstance(locale_, status));
      if (U_FAILURE(status)) {
        generator_.reset();
      }
    }
    return generator_.get();
  }

private:
  icu::Locale locale_;
  std::map<icu::UnicodeString, std::unique_ptr<icu::RuleBasedNumberFormat>> spellouts_;
  std::unique_ptr<icu::DateTimePatternGenerator> generator_;
};

/// Whether the locale says the day of the month as an ordinal ("June twenty-third"); in
/// locales whose date patterns write the day as "23." ICU's pattern itself says so.
/// ICU has no data for how a day is spoken, so this is a short list of our own.
const char16_t *spokenDayRuleSet(const icu::Locale &locale, bool dotted) {
  const std::string language = locale.getLanguage();
  if (language == "en") {
    return u"%spellout-ordinal";
  }
  if (language == "de") {
    return u"%spellout-ordinal-r";
  }
  return dotted ? u"%spellout-ordinal" : u"%spellout-numbering";
}

/// The date as a speaker says it: abbreviated month and weekday names written out, and
/// every number in the date spelled out in words (years as years: "twenty twenty-three").
icu::UnicodeString spokenDate(
  SpokenFormatters &formatters, const icu::UnicodeString &skeleton, UDate instant, UErrorCode &status) {
  const icu::Locale &locale = formatters.locale();
  // Spoken dates use full names: "Wednesday, February 5", never "Wed, Feb 05".
  icu::UnicodeString widened;
  for (int32_t index = 0; index < skeleton.length();) {
    const char16_t letter = skeleton.charAt(index);
    int32_t run = 1;
    while (index + run < skeleton.length() && skeleton.charAt(index + run) == letter) {
      run += 1;
    }
    int32_t width = run;
    if ((letter == u'E' || letter == u'c') && run < 4) {
      width = 4;
    } else if ((letter == u'M' || letter == u'L') && run == 3) {
      width = 4;
    } else if (letter == u'd') {
      width = 1;
    }
    for (int32_t count = 0; count < width; count += 1) {
      widened.append(letter);
    }
    index += run;
  }
  icu::DateTimePatternGenerator *generator = formatters.generator(status);
  if (U_FAILURE(status)) {
    return {};
  }
  const icu::UnicodeString pattern = generator->getBestPattern(widened, status);
  icu::SimpleDateFormat format(pattern, locale, status);
  if (U_FAILURE(status)) {
    return {};
  }
  icu::UnicodeString written;
  icu::FieldPositionIterator fields;
  format.format(instant, written, &fields, status);
  if (U_FAILURE(status)) {
    return {};
  }
  struct Replacement {
    int32_t start, limit;
    icu::UnicodeString text;
  };
  std::vector<Replacement> replacements;
  icu::FieldPosition field;
  while (fields.next(field)) {
    const int32_t start = field.getBeginIndex();
    int32_t limit = field.getEndIndex();
    int64_t value = 0;
    bool numeric = limit > start;
    for (int32_t index = start; index < limit && numeric; index += 1) {
      const int32_t digit = u_charDigitValue(written.char32At(index));
      numeric = digit >= 0;
      value = value * 10 + digit;
    }
    if (!numeric) {
      continue;
    }
    const char16_t *ruleSet = u"%spellout-numbering";
    if (field.getField() == UDAT_YEAR_FIELD || field.getField() == UDAT_EXTENDED_YEAR_FIELD) {
      ruleSet = u"%spellout-numbering-year";
    } else if (field.getField() == UDAT_DATE_FIELD) {
      const bool dotted = limit < written.length() && written.charAt(limit) == u'.';
      ruleSet = spokenDayRuleSet(locale, dotted);
      if (dotted) {
        limit += 1;  // "5." is the ordinal; the words say it now.
      }
    }
    replacements.push_back({start, limit, formatters.spellOut(icu::Formattable(value), ruleSet, status)});
  }
  for (auto item = replacements.rbegin(); item != replacements.rend(); ++item) {
    written.replace(item->start, item->limit - item->start, item->text);
  }
  return written;
}

/// The skeleton a date argument's style stands for.
icu::UnicodeString dateSkeleton(const icu::UnicodeString &style) {
  if (style.startsWith(u"::")) {
    return style.tempSubString(2);
  }
  if (style == u"short") {
    return u"yMd";
  }
  if (style == u"long") {
    return u"yMMMMd";
  }
  if (style == u"full") {
    return u"yMMMMEEEEd";
  }
  return u"yMMMd";
}

}  // namespace

extern "C" {

const char *netx_error_name(int32_t status) {
  switch (status) {
    case NETX_MESSAGE_TOO_LONG: return "NETX_MESSAGE_TOO_LONG";
    case NETX_MESSAGE_TOO_DEEP: return "NETX_MESSAGE_TOO_DEEP";
    case NETX_MESSAGE_TOO_MANY_ARGUMENTS: return "NETX_MESSAGE_TOO_MANY_ARGUMENTS";
    default: return u_errorName(static_cast<UErrorCode>(status));
  }
}

void netx_icu_version(char *out) {
  UVersionInfo version;
  u_getVersion(version);
  u_versionToString(version, out);
}

void netx_unicode_version(char *out) {
  UVersionInfo version;
  u_getUnicodeVersion(version);
  u_versionToString(version, out);
}

int32_t netx_locale_for_language_tag(
  const char *tag, char *out, int32_t capacity, int32_t *parsedLength, int32_t *status) {
  return uloc_forLanguageTag(tag, out, capacity, parsedLength, code(status));
}

int32_t netx_locale_to_language_tag(const char *localeID, char *out, int32_t capacity, int32_t *status) {
  return uloc_toLanguageTag(localeID, out, capacity, true, code(status));
}

int32_t netx_locale_display_name(
  const char *localeID, const char *displayLocale, uint16_t *out, int32_t capacity, int32_t *status) {
  return uloc_getDisplayName(localeID, displayLocale, u(out), capacity, code(status));
}

int32_t netx_locale_is_right_to_left(const char *localeID) { return uloc_isRightToLeft(localeID) ? 1 : 0; }

int32_t netx_locale_likely_script(const char *localeID, char *out, int32_t capacity, int32_t *status) {
  char maximized[ULOC_FULLNAME_CAPACITY] = {0};
  uloc_addLikelySubtags(localeID, maximized, ULOC_FULLNAME_CAPACITY, code(status));
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  return uloc_getScript(maximized, out, capacity, code(status));
}

void netx_locale_paper_size(const char *localeID, int32_t *height, int32_t *width, int32_t *status) {
  // CLDR's paper sizes are per region. ICU infers a missing region itself, but the likely
  // subtags are added here so the rule is explicit: es -> es_Latn_ES (A4), en -> en_Latn_US.
  char maximized[ULOC_FULLNAME_CAPACITY] = {0};
  uloc_addLikelySubtags(localeID, maximized, ULOC_FULLNAME_CAPACITY, code(status));
  if (U_FAILURE(*code(status))) {
    return;
  }
  ulocdata_getPaperSize(maximized, height, width, code(status));
}

netx_break_iterator *netx_break_open(int32_t kind, const char *localeID, int32_t *status) {
  UBreakIteratorType type;
  switch (kind) {
    case NETX_BREAK_CHARACTER: type = UBRK_CHARACTER; break;
    case NETX_BREAK_WORD: type = UBRK_WORD; break;
    case NETX_BREAK_LINE: type = UBRK_LINE; break;
    case NETX_BREAK_SENTENCE: type = UBRK_SENTENCE; break;
    default: *status = U_ILLEGAL_ARGUMENT_ERROR; return nullptr;
  }
  UBreakIterator *iterator = ubrk_open(type, localeID, nullptr, 0, code(status));
  if (U_FAILURE(*code(status))) {
    return nullptr;
  }
  auto *handle = new netx_break_iterator;
  handle->iterator = iterator;
  return handle;
}

void netx_break_set_text(netx_break_iterator *iterator, const uint16_t *text, int32_t length, int32_t *status) {
  // ubrk_setText does not copy the text; the handle keeps the copy alive.
  iterator->text.assign(reinterpret_cast<const char16_t *>(text), static_cast<size_t>(length));
  ubrk_setText(
    iterator->iterator, reinterpret_cast<const UChar *>(iterator->text.data()), length, code(status));
}

int32_t netx_break_boundaries(
  netx_break_iterator *iterator, int32_t *offsets, int32_t *ruleStatus, int32_t capacity, int32_t *status) {
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
}

void netx_break_close(netx_break_iterator *iterator) {
  if (iterator == nullptr) {
    return;
  }
  ubrk_close(iterator->iterator);
  delete iterator;
}

netx_plural_rules *netx_plural_open(const char *localeID, int32_t type, int32_t *status) {
  UPluralRules *rules = uplrules_openForType(
    localeID, type == NETX_PLURAL_ORDINAL ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, code(status));
  if (U_FAILURE(*code(status))) {
    return nullptr;
  }
  auto *handle = new netx_plural_rules;
  handle->rules = rules;
  return handle;
}

int32_t netx_plural_select(
  const netx_plural_rules *rules, double number, uint16_t *out, int32_t capacity, int32_t *status) {
  return uplrules_select(rules->rules, number, u(out), capacity, code(status));
}

int32_t netx_plural_categories(
  const netx_plural_rules *rules, uint16_t *out, int32_t capacity, int32_t *status) {
  UEnumeration *keywords = uplrules_getKeywords(rules->rules, code(status));
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  icu::UnicodeString joined;
  int32_t length = 0;
  while (const UChar *keyword = uenum_unext(keywords, &length, code(status))) {
    if (!joined.isEmpty()) {
      joined.append(u' ');
    }
    joined.append(keyword, length);
  }
  uenum_close(keywords);
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  return writeResult(joined, out, capacity, status);
}

int32_t netx_plural_samples(
  const netx_plural_rules *rules, const uint16_t *keyword, int32_t keywordLength, double *out, int32_t capacity,
  int32_t *status) {
  // UPluralRules is ICU's C handle for an icu::PluralRules (uplrules_open returns one cast),
  // and the C API has no way to list a category's sample numbers.
  auto *cxx = reinterpret_cast<icu::PluralRules *>(rules->rules);
  return cxx->getSamples(icu::UnicodeString(u(keyword), keywordLength), out, capacity, *code(status));
}

void netx_plural_close(netx_plural_rules *rules) {
  if (rules == nullptr) {
    return;
  }
  uplrules_close(rules->rules);
  delete rules;
}

int32_t netx_format_number(const char *localeID, double value, uint16_t *out, int32_t capacity, int32_t *status) {
  UNumberFormat *format = unum_open(UNUM_DECIMAL, nullptr, 0, localeID, nullptr, code(status));
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  int32_t length = unum_formatDouble(format, value, u(out), capacity, nullptr, code(status));
  unum_close(format);
  return length;
}

int32_t netx_date_skeleton_check(const uint16_t *skeleton, int32_t length, int32_t *status) {
  // Which ASCII letters are fields is asked of ICU once per letter: the generator's skeleton
  // of a one-letter pattern keeps the letter only when it is a field it knows (`j`, `J` and
  // `C` included, which only skeletons use). Every field letter is ASCII.
  int8_t known[128] = {0};  // 0 unknown yet, 1 a field, -1 not one
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
    if (known[unit] == 0) {
      UErrorCode letterStatus = U_ZERO_ERROR;
      const icu::UnicodeString letter(static_cast<UChar>(unit));
      const icu::UnicodeString field = icu::DateTimePatternGenerator::staticGetSkeleton(letter, letterStatus);
      if (U_FAILURE(letterStatus)) {
        *status = letterStatus;
        return index;
      }
      known[unit] = field == letter ? 1 : -1;
    }
    if (known[unit] < 0) {
      return index;
    }
  }
  return letters == 0 ? 0 : -1;
}

int32_t netx_format_date(
  const char *localeID, const uint16_t *skeleton, int32_t skeletonLength, double millis, uint16_t *out,
  int32_t capacity, int32_t *status) {
  UDateTimePatternGenerator *generator = udatpg_open(localeID, code(status));
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  std::vector<UChar> pattern(64);
  int32_t patternLength = 0;
  for (int attempt = 0; attempt < 2; attempt += 1) {
    UErrorCode patternStatus = U_ZERO_ERROR;
    patternLength = udatpg_getBestPattern(
      generator, u(skeleton), skeletonLength, pattern.data(), static_cast<int32_t>(pattern.size()),
      &patternStatus);
    if (patternStatus == U_BUFFER_OVERFLOW_ERROR) {
      pattern.resize(static_cast<size_t>(patternLength) + 1);
      continue;
    }
    *status = patternStatus;
    break;
  }
  udatpg_close(generator);
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  UDateFormat *format =
    udat_open(UDAT_PATTERN, UDAT_PATTERN, localeID, nullptr, 0, pattern.data(), patternLength, code(status));
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  const double instant = localNoon(millis, *code(status));
  int32_t length = 0;
  if (U_SUCCESS(*code(status))) {
    length = udat_format(format, instant, u(out), capacity, nullptr, code(status));
  }
  udat_close(format);
  return length;
}

int32_t netx_format_message(
  const char *localeID, const uint16_t *pattern, int32_t patternLength, const uint16_t *pool,
  const netx_message_argument *arguments, int32_t argumentCount, uint16_t *out, int32_t capacity,
  int32_t *errorOffset, int32_t *status) {
  *errorOffset = -1;
  if (!withinLimits(u(pattern), patternLength, errorOffset, status)) {
    return 0;
  }
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  if (!messageValues(pool, arguments, argumentCount, names, values, *code(status))) {
    return 0;
  }
  icu::UnicodeString text(u(pattern), patternLength);
  // A `spellout` argument says how a number is said aloud (with a rule set such as
  // %spellout-cardinal-feminine, so that it agrees with its noun); in writing, numbers are
  // digits, so it is written as a plain number.
  if (text.indexOf(u"spellout") >= 0) {
    icu::MessagePattern parsed(*code(status));
    if (!parsePattern(parsed, text, errorOffset, status)) {
      return 0;
    }
    for (int32_t index = parsed.countParts() - 1; index >= 0; index -= 1) {
      const icu::MessagePattern::Part &part = parsed.getPart(index);
      if (part.getType() != UMSGPAT_PART_TYPE_ARG_START || part.getArgType() != UMSGPAT_ARG_TYPE_SIMPLE ||
          parsed.getSubstring(parsed.getPart(index + 2)) != u"spellout") {
        continue;
      }
      const int32_t limit = parsed.getPart(parsed.getLimitPartIndex(index)).getLimit();
      const icu::UnicodeString name = parsed.getSubstring(parsed.getPart(index + 1));
      text.replace(part.getIndex(), limit - part.getIndex(), icu::UnicodeString(u"{") + name + u", number}");
    }
  }
  return formatMessage(localeID, text, names, values, out, capacity, errorOffset, status);
}

int32_t netx_format_message_spoken(
  const char *localeID, const uint16_t *pattern, int32_t patternLength, const uint16_t *pool,
  const netx_message_argument *arguments, int32_t argumentCount, uint16_t *out, int32_t capacity,
  int32_t *errorOffset, int32_t *status) {
  *errorOffset = -1;
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  if (!messageValues(pool, arguments, argumentCount, names, values, *code(status))) {
    return 0;
  }
  const icu::UnicodeString text(u(pattern), patternLength);
  icu::MessagePattern parsed(*code(status));
  if (!parsePattern(parsed, text, errorOffset, status)) {
    return 0;
  }
  SpokenFormatters formatters{icu::Locale(localeID)};
  std::map<icu::UnicodeString, size_t> byName;
  for (size_t value = 0; value < names.size(); value += 1) {
    byName.emplace(names[value], value);
  }
  // The pattern is rewritten so that ICU formats it spoken: each number argument, plural `#`
  // and date argument becomes a string argument holding it in words. (A number argument
  // whose value is missing or not a number becomes a `spellout` argument, for ICU to print
  // or report as it does.) The edits come in pattern order and do not overlap, so the
  // rewritten pattern is built in one pass.
  struct Edit {
    int32_t start, limit;
    icu::UnicodeString text;
  };
  std::vector<Edit> edits;
  // The argument's value in words, as a new string argument in place of [start, limit).
  auto speak = [&](int32_t start, int32_t limit, const icu::UnicodeString &spoken) {
    icu::UnicodeString synthetic(u"netx_spoken_");
    synthetic.append(icu::UnicodeString(std::to_string(edits.size()).c_str(), -1, US_INV));
    names.push_back(synthetic);
    values.emplace_back(spoken);
    edits.push_back({start, limit, icu::UnicodeString(u"{") + synthetic + u"}"});
  };
  auto number = [&](const icu::UnicodeString &name) -> const icu::Formattable * {
    const auto found = byName.find(name);
    if (found == byName.end() || !values[found->second].isNumeric()) {
      return nullptr;
    }
    return &values[found->second];
  };
  std::vector<std::pair<icu::UnicodeString, double>> plurals;  // name, offset
  for (int32_t index = 0; index < parsed.countParts(); index += 1) {
    const icu::MessagePattern::Part &part = parsed.getPart(index);
    const UMessagePatternPartType type = part.getType();
    if (type == UMSGPAT_PART_TYPE_ARG_START) {
      const UMessagePatternArgType argType = part.getArgType();
      const icu::UnicodeString name = parsed.getSubstring(parsed.getPart(index + 1));
      if (argType == UMSGPAT_ARG_TYPE_PLURAL || argType == UMSGPAT_ARG_TYPE_SELECTORDINAL) {
        // The style's first part, after the name, is the `offset:` when there is one.
        plurals.emplace_back(name, parsed.getPluralOffset(index + 2));
      } else if (argType == UMSGPAT_ARG_TYPE_SIMPLE) {
        const int32_t limitIndex = parsed.getLimitPartIndex(index);
        const icu::UnicodeString typeName = parsed.getSubstring(parsed.getPart(index + 2));
        icu::UnicodeString style;
        if (parsed.getPart(index + 3).getType() == UMSGPAT_PART_TYPE_ARG_STYLE) {
          style = parsed.getSubstring(parsed.getPart(index + 3));
          style.trim();
        }
        const int32_t start = part.getIndex();
        const int32_t limit = parsed.getPart(limitIndex).getLimit();
        const bool plainNumber = typeName == u"number" && (style.isEmpty() || style == u"integer");
        if (plainNumber || typeName == u"spellout") {
          // ICU looks a spellout rule set up by the style exactly as written, so "{n, spellout,
          // %spellout-cardinal-feminine}" would silently fall back to the default rules.
          const icu::UnicodeString ruleSet = plainNumber ? icu::UnicodeString() : style;
          if (const icu::Formattable *value = number(name)) {
            speak(start, limit, formatters.spellOut(*value, ruleSet, *code(status)));
          } else if (plainNumber || !style.isEmpty()) {
            const icu::UnicodeString written = ruleSet.isEmpty() ? icu::UnicodeString() : u"," + ruleSet;
            edits.push_back({start, limit, icu::UnicodeString(u"{") + name + u", spellout" + written + u"}"});
          }
        } else if (typeName == u"date") {
          const auto found = byName.find(name);
          if (found != byName.end() && values[found->second].getType() == icu::Formattable::kDate) {
            speak(start, limit, spokenDate(formatters, dateSkeleton(style), values[found->second].getDate(), *code(status)));
          }
        }
        if (U_FAILURE(*code(status))) {
          return 0;
        }
        index = limitIndex;
      }
    } else if (type == UMSGPAT_PART_TYPE_ARG_LIMIT) {
      const UMessagePatternArgType argType = part.getArgType();
      if ((argType == UMSGPAT_ARG_TYPE_PLURAL || argType == UMSGPAT_ARG_TYPE_SELECTORDINAL) && !plurals.empty()) {
        plurals.pop_back();
      }
    } else if (type == UMSGPAT_PART_TYPE_REPLACE_NUMBER && !plurals.empty()) {
      // `#` is the number less the plural's offset, as ICU prints it.
      const double offset = plurals.back().second;
      if (const icu::Formattable *value = number(plurals.back().first)) {
        icu::Formattable shown = *value;
        if (offset != 0) {
          UErrorCode valueStatus = U_ZERO_ERROR;
          const bool integral =
            value->getType() == icu::Formattable::kInt64 && offset == std::trunc(offset) && std::fabs(offset) < 1e15;
          shown = integral ? icu::Formattable(value->getInt64() - static_cast<int64_t>(offset))
                           : icu::Formattable(value->getDouble(valueStatus) - offset);
        }
        speak(part.getIndex(), part.getLimit(), formatters.spellOut(shown, icu::UnicodeString(), *code(status)));
        if (U_FAILURE(*code(status))) {
          return 0;
        }
      } else if (offset == 0) {
        edits.push_back({part.getIndex(), part.getLimit(), icu::UnicodeString(u"{") + plurals.back().first + u", spellout}"});
      }
    }
  }
  icu::UnicodeString rewritten;
  int32_t copied = 0;
  for (const Edit &edit : edits) {
    rewritten.append(text, copied, edit.start - copied).append(edit.text);
    copied = edit.limit;
  }
  rewritten.append(text, copied, text.length() - copied);
  return formatMessage(localeID, rewritten, names, values, out, capacity, errorOffset, status);
}

int32_t netx_spellout(
  const char *localeID, int64_t value, const uint16_t *ruleSet, int32_t ruleSetLength, uint16_t *out, int32_t capacity,
  int32_t *status) {
  const icu::UnicodeString name = ruleSet == nullptr ? icu::UnicodeString() : icu::UnicodeString(u(ruleSet), ruleSetLength);
  SpokenFormatters formatters{icu::Locale(localeID)};
  const icu::UnicodeString result = formatters.spellOut(icu::Formattable(value), name, *code(status));
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  return writeResult(result, out, capacity, status);
}

int32_t netx_format_list(
  const char *localeID, const uint16_t *pool, const int32_t *lengths, int32_t count, uint16_t *out, int32_t capacity,
  int32_t *status) {
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
}

int32_t netx_message_argument_names(
  const uint16_t *pattern, int32_t patternLength, uint16_t *out, int32_t capacity, int32_t *errorOffset,
  int32_t *status) {
  *errorOffset = -1;
  icu::MessagePattern parsed(*code(status));
  if (!parsePattern(parsed, icu::UnicodeString(u(pattern), patternLength), errorOffset, status)) {
    return 0;
  }
  icu::UnicodeString joined;
  std::set<icu::UnicodeString> seen;
  for (int32_t index = 0; index < parsed.countParts(); index += 1) {
    const icu::MessagePattern::Part &part = parsed.getPart(index);
    const UMessagePatternPartType type = part.getType();
    if (type != UMSGPAT_PART_TYPE_ARG_NAME && type != UMSGPAT_PART_TYPE_ARG_NUMBER) {
      continue;
    }
    icu::UnicodeString name = parsed.getSubstring(part);
    if (!seen.insert(name).second) {
      continue;
    }
    if (!joined.isEmpty()) {
      joined.append(u' ');
    }
    joined.append(name);
  }
  return writeResult(joined, out, capacity, status);
}

int32_t netx_message_analyze(
  const uint16_t *pattern, int32_t patternLength, uint16_t *out, int32_t capacity, int32_t *errorOffset,
  int32_t *status) {
  *errorOffset = -1;
  const icu::UnicodeString text(u(pattern), patternLength);
  icu::MessagePattern parsed(*code(status));
  if (!parsePattern(parsed, text, errorOffset, status)) {
    return 0;
  }
  icu::UnicodeString records;
  icu::UnicodeString literal;
  int32_t replaceCount = 0;
  // What encloses the current part: true for a message (whose text readers see), false for
  // an argument (whose text between parts is syntax).
  std::vector<bool> inMessage;
  int32_t previousLimit = 0;
  const int32_t count = parsed.countParts();
  for (int32_t index = 0; index < count; index += 1) {
    const icu::MessagePattern::Part &part = parsed.getPart(index);
    const UMessagePatternPartType type = part.getType();
    if (!inMessage.empty() && inMessage.back() && part.getIndex() > previousLimit) {
      literal.append(text, previousLimit, part.getIndex() - previousLimit);
    }
    previousLimit = part.getLimit();
    switch (type) {
    case UMSGPAT_PART_TYPE_MSG_START:
      if (!literal.isEmpty() && literal.charAt(literal.length() - 1) != 0x1F) {
        literal.append(static_cast<UChar>(0x1F));
      }
      inMessage.push_back(true);
      break;
    case UMSGPAT_PART_TYPE_MSG_LIMIT:
      if (!literal.isEmpty() && literal.charAt(literal.length() - 1) != 0x1F) {
        literal.append(static_cast<UChar>(0x1F));
      }
      if (!inMessage.empty()) {
        inMessage.pop_back();
      }
      break;
    case UMSGPAT_PART_TYPE_ARG_LIMIT:
      if (!inMessage.empty()) {
        inMessage.pop_back();
      }
      break;
    case UMSGPAT_PART_TYPE_REPLACE_NUMBER:
      replaceCount += 1;
      break;
    case UMSGPAT_PART_TYPE_INSERT_CHAR:
      literal.append(static_cast<UChar>(part.getValue()));
      break;
    case UMSGPAT_PART_TYPE_ARG_START: {
      if (!literal.isEmpty() && literal.charAt(literal.length() - 1) != 0x1F) {
        literal.append(static_cast<UChar>(0x1F));
      }
      inMessage.push_back(false);
      const UMessagePatternArgType argType = part.getArgType();
      const char *kind = "none";
      switch (argType) {
      case UMSGPAT_ARG_TYPE_SIMPLE: kind = "simple"; break;
      case UMSGPAT_ARG_TYPE_PLURAL: kind = "plural"; break;
      case UMSGPAT_ARG_TYPE_SELECT: kind = "select"; break;
      case UMSGPAT_ARG_TYPE_SELECTORDINAL: kind = "selectordinal"; break;
      case UMSGPAT_ARG_TYPE_CHOICE: kind = "choice"; break;
      default: break;
      }
      records.append(u"A\t");
      records.append(icu::UnicodeString(std::to_string(part.getIndex()).c_str(), -1, US_INV));
      records.append(u'\t');
      const int32_t limitIndex = parsed.getLimitPartIndex(index);
      icu::UnicodeString style;
      icu::UnicodeString selectors;
      std::string styleRange = "-1:-1";
      std::string branches;
      int32_t selectorStart = -1;
      int32_t depth = 0;
      for (int32_t inner = index + 1; inner < limitIndex; inner += 1) {
        const icu::MessagePattern::Part &innerPart = parsed.getPart(inner);
        const UMessagePatternPartType innerType = innerPart.getType();
        if (innerType == UMSGPAT_PART_TYPE_MSG_START) {
          if (depth == 0) {
            branches += (branches.empty() ? "" : " ") + std::to_string(selectorStart) + ":" +
                        std::to_string(innerPart.getIndex()) + ":";
          }
          depth += 1;
        } else if (innerType == UMSGPAT_PART_TYPE_MSG_LIMIT) {
          depth -= 1;
          if (depth == 0) {
            branches += std::to_string(innerPart.getLimit());
          }
        } else if (depth == 0) {
          if (innerType == UMSGPAT_PART_TYPE_ARG_STYLE) {
            styleRange = std::to_string(innerPart.getIndex()) + ":" + std::to_string(innerPart.getLimit());
          } else if (innerType == UMSGPAT_PART_TYPE_ARG_SELECTOR) {
            selectorStart = innerPart.getIndex();
          }
          if (innerType == UMSGPAT_PART_TYPE_ARG_NAME || innerType == UMSGPAT_PART_TYPE_ARG_NUMBER) {
            records.append(parsed.getSubstring(innerPart));
            records.append(u'\t');
            records.append(icu::UnicodeString(kind, -1, US_INV));
            records.append(u'\t');
          } else if (innerType == UMSGPAT_PART_TYPE_ARG_TYPE) {
            style = parsed.getSubstring(innerPart);
          } else if (innerType == UMSGPAT_PART_TYPE_ARG_SELECTOR) {
            if (!selectors.isEmpty()) {
              selectors.append(u' ');
            }
            selectors.append(parsed.getSubstring(innerPart));
          }
        }
      }
      records.append(style);
      records.append(u'\t');
      records.append(selectors);
      records.append(u'\t');
      records.append(icu::UnicodeString(styleRange.c_str(), -1, US_INV));
      records.append(u'\t');
      records.append(icu::UnicodeString(branches.c_str(), -1, US_INV));
      records.append(u'\t');
      // A plural's style starts after its name; its first part is the `offset:` if it has one.
      const bool plural = argType == UMSGPAT_ARG_TYPE_PLURAL || argType == UMSGPAT_ARG_TYPE_SELECTORDINAL;
      char offsetText[32];
      std::snprintf(offsetText, sizeof offsetText, "%.17g", plural ? parsed.getPluralOffset(index + 2) : 0.0);
      records.append(icu::UnicodeString(offsetText, -1, US_INV));
      records.append(u'\n');
      break;
    }
    default:
      break;
    }
  }
  records.append(u"H\t");
  records.append(icu::UnicodeString(std::to_string(replaceCount).c_str(), -1, US_INV));
  records.append(u"\nL\n");
  records.append(literal);
  return writeResult(records, out, capacity, status);
}

int32_t netx_is_nfc(const uint16_t *text, int32_t length, int32_t *status) {
  const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(*code(status));
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  return nfc->isNormalized(icu::UnicodeString(false, u(text), length), *code(status)) ? 1 : 0;
}

int32_t netx_to_nfc(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity, int32_t *status) {
  const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(*code(status));
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  const icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString(false, u(text), length), *code(status));
  if (U_FAILURE(*code(status))) {
    return 0;
  }
  return writeResult(normalized, out, capacity, status);
}

int32_t netx_char_columns(uint32_t codePoint) {
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
}

int32_t netx_numbering_system(const char *localeID, char *out, int32_t capacity, int32_t *status) {
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
}

int32_t netx_message_literal_ranges(
  const uint16_t *pattern, int32_t patternLength, int32_t *out, int32_t capacity, int32_t *errorOffset,
  int32_t *status) {
  *errorOffset = -1;
  icu::MessagePattern parsed(*code(status));
  if (!parsePattern(parsed, icu::UnicodeString(u(pattern), patternLength), errorOffset, status)) {
    return 0;
  }
  // Text between two parts is literal when the innermost enclosing part is a message (the
  // whole pattern, or a branch of plural/select), not an argument's syntax.
  std::vector<bool> inMessage;
  int32_t count = 0;
  int32_t previousLimit = 0;
  for (int32_t index = 0; index < parsed.countParts(); index += 1) {
    const icu::MessagePattern::Part &part = parsed.getPart(index);
    if (!inMessage.empty() && inMessage.back() && part.getIndex() > previousLimit) {
      if (count + 2 <= capacity) {
        out[count] = previousLimit;
        out[count + 1] = part.getIndex();
      }
      count += 2;
    }
    switch (part.getType()) {
      case UMSGPAT_PART_TYPE_MSG_START: inMessage.push_back(true); break;
      case UMSGPAT_PART_TYPE_ARG_START: inMessage.push_back(false); break;
      case UMSGPAT_PART_TYPE_MSG_LIMIT:
      case UMSGPAT_PART_TYPE_ARG_LIMIT:
        if (!inMessage.empty()) inMessage.pop_back();
        break;
      default: break;
    }
    previousLimit = part.getLimit();
  }
  if (count > capacity) {
    *status = U_BUFFER_OVERFLOW_ERROR;
  }
  return count;
}

}  // extern "C"
