export default defineBackground(() => {
  console.log('jianbao background');
});
