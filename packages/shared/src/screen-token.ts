/**
 * The header a kiosk sends its token in (the page reads it from the URL fragment `#t=`). A module
 * without schemas, so the screen page's first small chunk can ask for the answer before zod loads.
 */
export const SCREEN_TOKEN_HEADER = 'x-screen-token';
