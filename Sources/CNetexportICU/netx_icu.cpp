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
#include <cstring>
#include <memory>
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

/// Reads a MessageFormat pattern into `parsed`; on a syntax error, sets `errorOffset` and
/// `status` and returns false.
bool parsePattern(icu::MessagePattern &parsed, const icu::UnicodeString &text, int32_t *errorOffset, int32_t *status) {
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

/// A number in words with one of the locale's rule-based spellout rule sets, or its
/// default set when the locale has no rule set of that name.
icu::UnicodeString spellOut(const icu::Locale &locale, int64_t value, const char16_t *ruleSet, UErrorCode &status) {
  icu::RuleBasedNumberFormat format(icu::URBNF_SPELLOUT, locale, status);
  icu::UnicodeString result;
  if (U_FAILURE(status)) {
    return result;
  }
  if (ruleSet != nullptr) {
    UErrorCode ruleStatus = U_ZERO_ERROR;
    format.setDefaultRuleSet(icu::UnicodeString(ruleSet), ruleStatus);
  }
  format.format(value, result, status);
  return result;
}

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
icu::UnicodeString spokenDate(const icu::Locale &locale, icu::UnicodeString skeleton, UDate instant, UErrorCode &status) {
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
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
    icu::DateTimePatternGenerator::createInstance(locale, status));
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
    replacements.push_back({start, limit, spellOut(locale, value, ruleSet, status)});
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

const char *netx_error_name(int32_t status) { return u_errorName(static_cast<UErrorCode>(status)); }

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
  const icu::Locale locale(localeID);
  // The pattern is rewritten so that ICU formats it spoken: plain numbers and plural `#`
  // become `spellout` arguments, and each date argument becomes a string argument holding
  // the date in words. Edits are made from the end so earlier offsets stay valid.
  struct Edit {
    int32_t start, limit;
    icu::UnicodeString text;
  };
  std::vector<Edit> edits;
  std::vector<std::pair<icu::UnicodeString, double>> plurals;  // name, offset
  for (int32_t index = 0; index < parsed.countParts(); index += 1) {
    const icu::MessagePattern::Part &part = parsed.getPart(index);
    const UMessagePatternPartType type = part.getType();
    if (type == UMSGPAT_PART_TYPE_ARG_START) {
      const UMessagePatternArgType argType = part.getArgType();
      const icu::UnicodeString name = parsed.getSubstring(parsed.getPart(index + 1));
      if (argType == UMSGPAT_ARG_TYPE_PLURAL || argType == UMSGPAT_ARG_TYPE_SELECTORDINAL) {
        plurals.emplace_back(name, parsed.getPluralOffset(index + 1));
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
        if (typeName == u"number" && (style.isEmpty() || style == u"integer")) {
          edits.push_back({start, limit, icu::UnicodeString(u"{") + name + u", spellout}"});
        } else if (typeName == u"spellout" && !style.isEmpty()) {
          // ICU looks the rule set up by the style exactly as written, so "{n, spellout,
          // %spellout-cardinal-feminine}" would silently fall back to the default rules.
          edits.push_back({start, limit, icu::UnicodeString(u"{") + name + u", spellout," + style + u"}"});
        } else if (typeName == u"date") {
          for (size_t value = 0; value < names.size(); value += 1) {
            if (names[value] != name || values[value].getType() != icu::Formattable::kDate) {
              continue;
            }
            const icu::UnicodeString spoken =
              spokenDate(locale, dateSkeleton(style), values[value].getDate(), *code(status));
            if (U_FAILURE(*code(status))) {
              return 0;
            }
            icu::UnicodeString synthetic(u"netx_spoken_");
            synthetic.append(icu::UnicodeString(std::to_string(edits.size()).c_str(), -1, US_INV));
            names.push_back(synthetic);
            values.emplace_back(spoken);
            edits.push_back({start, limit, icu::UnicodeString(u"{") + synthetic + u"}"});
            break;
          }
        }
        index = limitIndex;
      }
    } else if (type == UMSGPAT_PART_TYPE_ARG_LIMIT) {
      const UMessagePatternArgType argType = part.getArgType();
      if ((argType == UMSGPAT_ARG_TYPE_PLURAL || argType == UMSGPAT_ARG_TYPE_SELECTORDINAL) && !plurals.empty()) {
        plurals.pop_back();
      }
    } else if (type == UMSGPAT_PART_TYPE_REPLACE_NUMBER && !plurals.empty() && plurals.back().second == 0) {
      edits.push_back({part.getIndex(), part.getLimit(), icu::UnicodeString(u"{") + plurals.back().first + u", spellout}"});
    }
  }
  icu::UnicodeString rewritten = text;
  std::sort(edits.begin(), edits.end(), [](const Edit &a, const Edit &b) { return a.start > b.start; });
  for (const Edit &edit : edits) {
    rewritten.replace(edit.start, edit.limit - edit.start, edit.text);
  }
  return formatMessage(localeID, rewritten, names, values, out, capacity, errorOffset, status);
}

int32_t netx_spellout(
  const char *localeID, int64_t value, const uint16_t *ruleSet, int32_t ruleSetLength, uint16_t *out, int32_t capacity,
  int32_t *status) {
  icu::UnicodeString name = ruleSet == nullptr ? icu::UnicodeString() : icu::UnicodeString(u(ruleSet), ruleSetLength);
  const icu::UnicodeString result =
    spellOut(icu::Locale(localeID), value, ruleSet == nullptr ? nullptr : name.getTerminatedBuffer(), *code(status));
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
  std::vector<icu::UnicodeString> seen;
  for (int32_t index = 0; index < parsed.countParts(); index += 1) {
    const icu::MessagePattern::Part &part = parsed.getPart(index);
    const UMessagePatternPartType type = part.getType();
    if (type != UMSGPAT_PART_TYPE_ARG_NAME && type != UMSGPAT_PART_TYPE_ARG_NUMBER) {
      continue;
    }
    icu::UnicodeString name = parsed.getSubstring(part);
    bool known = false;
    for (const auto &previous : seen) {
      known = known || previous == name;
    }
    if (known) {
      continue;
    }
    seen.push_back(name);
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
