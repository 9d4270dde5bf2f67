// Browsers come from the system packages (see README); never let puppeteer download one.
module.exports = { skipDownload: true };
