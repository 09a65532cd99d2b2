/*
 * Identity-number checks for the widget: a port of bot/core/ids.py (GB 11643-1999 居民身份证号码,
 * GB 32100-2015 统一社会信用代码, masking). The widget checks the number while it is typed so that a wrong
 * check digit is caught before anything is sent (P1); the action server checks it again with the Python
 * original, which stays the authority. tests/browser/test_idcheck.py runs both on the same cases, so the two
 * cannot drift apart. Same error codes and messages as ids.py.
 */
(function (root) {
  "use strict";

  var ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var ID_CHECK_CHARS = "10X98765432";
  var ID_SHAPE = /^\d{17}[\dX]$/;
  // GB/T 2260 province-level codes, plus 83 (Taiwan residents' residence permits), as in ids.PROVINCE_CODES.
  var PROVINCE_CODES = (
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83"
  ).split(" ");

  var USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"; // no I, O, S, V, Z
  var USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  var USCC_SHAPE = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{2}\d{6}[0-9ABCDEFGHJKLMNPQRTUWXY]{10}$/;

  // Plain, polite Chinese; identical to ids.ERROR_MESSAGES.
  var ERROR_MESSAGES = {
    invalid_id_format: "身份证号应为18位，前17位是数字，最后一位是数字或字母X。请核对后重新输入。",
    invalid_id_checksum: "身份证号最后一位校验码不对，请核对后重新输入。",
    invalid_date: "身份证号里的出生日期（第7到14位）不是有效日期，请核对后重新输入。",
    invalid_id_region: "身份证号的前两位（省份代码）不对，请核对后重新输入。",
    invalid_uscc_format:
      "统一社会信用代码应为18位，由数字和大写字母组成（不含I、O、S、V、Z），请核对营业执照后重新输入。",
    invalid_uscc_checksum: "统一社会信用代码最后一位校验码不对，请对照营业执照核对后重新输入。",
  };

  /* Full-width ASCII (U+FF01..U+FF5E) to ASCII and the ideographic space to a space, as ids.normalize. */
  function halfWidth(text) {
    return String(text == null ? "" : text).replace(/[\uFF01-\uFF5E\u3000]/g, function (c) {
      return c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    });
  }

  /* The compact upper-case form of one number: half-width, without spaces and hyphens (ids.clean_id). */
  function cleanId(value) {
    return halfWidth(value).replace(/[ \t\\\-\u2010\u2011\u2012\u2013\u2014]+/g, "").trim().toUpperCase();
  }

  function residentIdCheckChar(first17) {
    var total = 0;
    for (var i = 0; i < 17; i++) total += parseInt(first17.charAt(i), 10) * ID_WEIGHTS[i];
    return ID_CHECK_CHARS.charAt(total % 11);
  }

  function isoDate(d) {
    function pad(n, w) { n = String(n); while (n.length < w) n = "0" + n; return n; }
    return pad(d.getFullYear(), 4) + "-" + pad(d.getMonth() + 1, 2) + "-" + pad(d.getDate(), 2);
  }

  /* ``today`` is "YYYY-MM-DD" (tests pin it); by default the browser's local date, as date.today(). */
  function checkResidentId(value, today) {
    var v = cleanId(value);
    if (!ID_SHAPE.test(v)) return "invalid_id_format";
    if (PROVINCE_CODES.indexOf(v.slice(0, 2)) < 0) return "invalid_id_region";
    var y = parseInt(v.slice(6, 10), 10), m = parseInt(v.slice(10, 12), 10), d = parseInt(v.slice(12, 14), 10);
    // A real calendar date (Python's date() raises for 1990-02-30, month 13, day 0, year 0).
    var probe = new Date(2000, 0, 1);
    probe.setFullYear(y, m - 1, d);
    if (y < 1 || m < 1 || m > 12 || d < 1 || probe.getFullYear() !== y || probe.getMonth() !== m - 1 || probe.getDate() !== d) {
      return "invalid_date";
    }
    var born = v.slice(6, 10) + "-" + v.slice(10, 12) + "-" + v.slice(12, 14);
    var limit = today || isoDate(new Date());
    if (born < "1900-01-01" || born > limit) return "invalid_date";
    if (residentIdCheckChar(v.slice(0, 17)) !== v.charAt(17)) return "invalid_id_checksum";
    return null;
  }

  function usccCheckChar(first17) {
    var total = 0;
    for (var i = 0; i < 17; i++) total += USCC_CHARS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
    return USCC_CHARS.charAt((31 - (total % 31)) % 31);
  }

  function checkUscc(value) {
    var v = cleanId(value);
    if (!USCC_SHAPE.test(v)) return "invalid_uscc_format";
    if (usccCheckChar(v.slice(0, 17)) !== v.charAt(17)) return "invalid_uscc_checksum";
    return null;
  }

  /* "resident_id" | "uscc" | null, decided as ids.id_type: validity first, then shape. */
  function idType(value, today) {
    var v = cleanId(value);
    if (checkResidentId(v, today) === null) return "resident_id";
    if (checkUscc(v) === null) return "uscc";
    if (ID_SHAPE.test(v)) return "resident_id";
    if (v.length === 18 && v.split("").every(function (c) { return USCC_CHARS.indexOf(c) >= 0; })) return "uscc";
    return null;
  }

  /* 4101**********1233: first and last 4 characters kept (P5), as ids.mask_id. */
  function maskId(value) {
    var v = cleanId(value);
    if (v.length <= 8) return new Array(v.length + 1).join("*");
    return v.slice(0, 4) + new Array(v.length - 8 + 1).join("*") + v.slice(-4);
  }

  /*
   * What the widget's ID field needs in one call: the error code for a complete number (null when valid),
   * or "incomplete" while fewer than 18 characters are typed. ``kind`` is "person" for a slot that only
   * takes a 居民身份证号码 (agent_id) and "any" where an enterprise may give its 统一社会信用代码 (applicant_id).
   */
  function checkIdentity(value, kind, today) {
    var v = cleanId(value);
    if (v.length < 18) return "incomplete";
    var type = v.length === 18 ? idType(v, today) : null;
    if (type === "uscc" && kind !== "person") return checkUscc(v);
    if (type === "uscc") return "invalid_id_format";
    return checkResidentId(v, today);
  }

  var api = {
    ERROR_MESSAGES: ERROR_MESSAGES,
    USCC_CHARS: USCC_CHARS,
    cleanId: cleanId,
    residentIdCheckChar: residentIdCheckChar,
    checkResidentId: checkResidentId,
    usccCheckChar: usccCheckChar,
    checkUscc: checkUscc,
    idType: idType,
    maskId: maskId,
    checkIdentity: checkIdentity,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.GZIdCheck = api;
})(typeof self !== "undefined" ? self : this);
